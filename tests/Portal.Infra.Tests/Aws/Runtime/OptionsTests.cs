using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infra.Aws;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Runtime;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_follow_the_sdk_and_the_design()
    {
        using var services = AwsTestHost.Build(new Uri("http://127.0.0.1:9/"));

        var options = services.GetRequiredService<IOptions<AwsOptions>>().Value;

        Assert.Equal("eu-west-2", options.HomeRegion);
        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Equal(20, options.Retry.MaxBackoffSeconds);
        Assert.Equal(["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], options.CloudFormation.EffectiveCapabilities);
        Assert.Equal("ROLLBACK", options.CloudFormation.OnFailure);
        Assert.Equal(["sg-0abc1234def567890"], options.Notebook.SecurityGroupIds);
    }

    [Fact]
    public void Notebooks_default_to_the_supported_amazon_linux_2023_platform()
    {
        using var services = AwsTestHost.Build(new Uri("http://127.0.0.1:9/"));

        Assert.Equal("notebook-al2023-v1", services.GetRequiredService<IOptions<AwsOptions>>().Value.Notebook.PlatformIdentifier);
    }

    [Theory]
    [InlineData("Aws:TemplatesBaseUrl", "")]
    [InlineData("Aws:Notebook:RoleArn", "")]
    [InlineData("Aws:Notebook:RoleArn", "not-an-arn")]
    [InlineData("Aws:HomeRegion", "London")]
    [InlineData("Aws:CloudFormation:OnFailure", "EXPLODE")]
    [InlineData("Aws:Retry:MaxAttempts", "0")]
    [InlineData("Aws:Endpoints:Lambda", "http://127.0.0.1:9")]
    [InlineData("Aws:Endpoints:FSx", "ftp://example")]
    public void Invalid_settings_are_refused_at_start(string key, string value)
    {
        // Refused while the provider is composed (before the host starts), and again when the options are read.
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            using var services = AwsTestHost.Build(new Uri("http://127.0.0.1:9/"), settings: new Dictionary<string, string?> { [key] = value });
            _ = services.GetRequiredService<IOptions<AwsOptions>>().Value;
        });

        Assert.NotEmpty(error.Failures);
        Assert.Contains(error.Failures, f => f.Contains(key.Split(':')[^1], StringComparison.Ordinal) || f.Contains(key.Split(':')[1], StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_capabilities_replace_the_defaults()
    {
        using var services = AwsTestHost.Build(
            new Uri("http://127.0.0.1:9/"), settings: new Dictionary<string, string?> { ["Aws:CloudFormation:Capabilities:0"] = "CAPABILITY_AUTO_EXPAND" });

        Assert.Equal(["CAPABILITY_AUTO_EXPAND"], services.GetRequiredService<IOptions<AwsOptions>>().Value.CloudFormation.EffectiveCapabilities);
    }
}
