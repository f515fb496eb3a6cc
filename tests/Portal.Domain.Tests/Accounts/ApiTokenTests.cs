using Portal.Domain.Accounts;

namespace Portal.Domain.Tests.Accounts;

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    private static ApiToken Token(bool admin, params string[] groups) => new()
    {
        Id = "t-1",
        OwnerId = "local:ada",
        OwnerName = "ada",
        OwnerIsAdmin = admin,
        OwnerGroups = groups,
        Name = "laptop",
        Scope = ApiTokenScope.ReadWrite,
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(30),
        Hint = "abcdef",
    };

    private static SignInRecord SignIn(bool admin, params string[] groups) => new("local:ada", "ada@example.org", admin, groups, Now.AddHours(1));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void A_token_is_an_admins_only_while_it_was_made_by_one_and_the_latest_sign_in_still_is(bool madeAsAdmin, bool signedInAsAdmin, bool acts)
    {
        Assert.Equal(acts, Token(madeAsAdmin).ActingAs(SignIn(signedInAsAdmin)).OwnerIsAdmin);
    }

    [Fact]
    public void A_token_takes_the_name_and_groups_of_the_latest_sign_in()
    {
        var acting = Token(false, "team-a").ActingAs(SignIn(false, "team-b"));

        Assert.Equal("ada@example.org", acting.OwnerName);
        Assert.Equal(["team-b"], acting.OwnerGroups);
    }

    [Fact]
    public void Without_a_recorded_sign_in_a_token_keeps_its_groups_and_acts_without_the_admin_role()
    {
        var acting = Token(true, "team-a").ActingAs(null);

        Assert.Equal((false, "ada"), (acting.OwnerIsAdmin, acting.OwnerName));
        Assert.Equal(["team-a"], acting.OwnerGroups);
    }

    [Fact]
    public void Another_users_sign_in_changes_nothing_but_the_admin_role()
    {
        var acting = Token(true, "team-a").ActingAs(SignIn(true, "team-b") with { UserId = "local:bob" });

        Assert.False(acting.OwnerIsAdmin);
        Assert.Equal(["team-a"], acting.OwnerGroups);
    }
}
