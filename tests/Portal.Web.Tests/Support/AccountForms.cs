using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Support;

/// <summary>Plays the browser's part with the account forms over HTTP: read a form's antiforgery token, post the form.</summary>
public static partial class AccountForms
{
    /// <summary>The antiforgery token of the first form on <paramref name="path"/>; the client keeps the matching cookie.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient portal, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var html = await portal.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var token = TokenField().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Fills in the local sign-in page's form and posts it, as the browser does.</summary>
    /// <returns>The portal's answer to the post on /account/signin.</returns>
    public static async Task<HttpResponseMessage> LocalSignInAsync(HttpClient portal, string userName, string role, string returnUrl, CancellationToken cancellationToken)
    {
        var token = await AntiforgeryTokenAsync(portal, "/signin", cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
            ["UserName"] = userName,
            ["Role"] = role,
        });
        return await portal.PostAsync(new Uri("/account/signin", UriKind.Relative), form, cancellationToken);
    }

    /// <summary>Presses the app bar's Sign out (either mode), as the browser does: the form's token comes from a signed-in page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient portal, CancellationToken cancellationToken)
    {
        var token = await AntiforgeryTokenAsync(portal, "/sessions", cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await portal.PostAsync(new Uri("/account/signout", UriKind.Relative), form, cancellationToken);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
