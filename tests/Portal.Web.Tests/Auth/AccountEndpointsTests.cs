using Portal.Web.Auth;

namespace Portal.Web.Tests.Auth;

public sealed class AccountEndpointsTests
{
    [Theory]
    [InlineData("/sessions/s-abcdefgh12", "/sessions/s-abcdefgh12")]
    [InlineData("/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("\t//evil.example", "/")]
    [InlineData(" //evil.example", "/")]
    [InlineData("/ /evil.example", "/")]
    [InlineData("/sessions\u0000", "/")]
    [InlineData("/sessions\u00a0", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("~/sessions", "/sessions")]
    [InlineData("~/", "/")]
    [InlineData("~//evil.example", "/")]
    [InlineData("~/\\evil.example", "/")]
    [InlineData("~", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Return_urls_stay_on_the_portal(string? returnUrl, string expected)
    {
        Assert.Equal(expected, AccountEndpoints.SafeReturnUrl(returnUrl));
    }

    [Theory]
    [InlineData("ada", null)]
    [InlineData("ada.lovelace@example.org", null)]
    [InlineData("", "Enter a user name.")]
    [InlineData("   ", "Enter a user name.")]
    [InlineData("ada lovelace", "Use letters, digits, dots, dashes, underscores or @ in the user name.")]
    [InlineData("<script>", "Use letters, digits, dots, dashes, underscores or @ in the user name.")]
    public void User_names_are_checked(string userName, string? expected)
    {
        Assert.Equal(expected, AccountEndpoints.ValidateUserName(userName));
    }

    [Fact]
    public void User_names_longer_than_64_characters_are_refused()
    {
        Assert.Equal("A user name has at most 64 characters.", AccountEndpoints.ValidateUserName(new string('a', 65)));
    }
}
