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
    [InlineData("", "user-name-missing")]
    [InlineData("   ", "user-name-missing")]
    [InlineData("ada lovelace", "user-name-characters")]
    [InlineData("<script>", "user-name-characters")]
    public void User_names_are_checked(string userName, string? expected)
    {
        Assert.Equal(expected, AccountEndpoints.ValidateUserName(userName));
    }

    [Fact]
    public void User_names_longer_than_64_characters_are_refused()
    {
        Assert.Equal("user-name-too-long", AccountEndpoints.ValidateUserName(new string('a', 65)));
        Assert.Equal("A user name has at most 64 characters.", SignInErrors.Message("user-name-too-long"));
    }

    [Theory]
    [InlineData("Enter a user name.")]
    [InlineData("<b>anything</b>")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_known_code_has_no_message(string? code)
    {
        Assert.Null(SignInErrors.Message(code));
    }
}
