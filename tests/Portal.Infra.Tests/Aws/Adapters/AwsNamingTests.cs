using System.Text.RegularExpressions;
using Portal.Infra.Aws;

namespace Portal.Infra.Tests.Aws.Adapters;

public sealed partial class AwsNamingTests
{
    [Fact]
    public void A_valid_token_is_used_as_given()
    {
        Assert.Equal("s1-workers-us-east-1", AwsNaming.ClientRequestToken("s1-workers-us-east-1", "ignored"));
    }

    [Theory]
    [InlineData("session:42/step:scheduler")]
    [InlineData("-leading-dash")]
    [InlineData("under_score")]
    public void An_invalid_token_is_replaced_by_a_stable_valid_one(string given)
    {
        var first = AwsNaming.ClientRequestToken(given);
        var again = AwsNaming.ClientRequestToken(given);

        Assert.Equal(first, again);
        Assert.Matches(TokenPattern(), first);
        Assert.InRange(first.Length, 1, 128);
    }

    [Fact]
    public void A_missing_token_is_derived_from_what_identifies_the_step()
    {
        var token = AwsNaming.ClientRequestToken("", "portal-s1-scheduler", "create", "SessionScheduler", "eu-west-2");

        Assert.Equal(token, AwsNaming.ClientRequestToken(null, "portal-s1-scheduler", "create", "SessionScheduler", "eu-west-2"));
        Assert.NotEqual(token, AwsNaming.ClientRequestToken(null, "portal-s1-scheduler", "delete", "eu-west-2"));
        Assert.StartsWith("portal-s1-scheduler-", token, StringComparison.Ordinal);
        Assert.Matches(TokenPattern(), token);
    }

    [Fact]
    public void Lifecycle_configuration_names_stay_within_sagemakers_63_characters()
    {
        var longName = new string('n', 63);

        Assert.Equal("portal-s1-nb-files", AwsNaming.LifecycleConfigName("portal-s1-nb"));
        Assert.True(AwsNaming.LifecycleConfigName(longName).Length <= 63);
        Assert.NotEqual(AwsNaming.LifecycleConfigName(longName), AwsNaming.LifecycleConfigName(longName[..62] + "m"));
    }

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$")]
    private static partial Regex TokenPattern();
}
