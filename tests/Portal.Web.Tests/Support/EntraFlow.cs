using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Support;

/// <summary>Plays the browser's part in an Entra sign-in over HTTP: follow the challenge to the provider, post its answer back.</summary>
public static partial class EntraFlow
{
    /// <summary>Asks the portal for <paramref name="path"/> anonymously and completes the sign-in it starts.</summary>
    /// <returns>The portal's answer to the provider's form post on /signin-oidc.</returns>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient portal, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var challenge = await portal.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        return await FollowToPortalAsync(portal, challenge.Headers.Location!, cancellationToken);
    }

    /// <summary>Takes the provider's authorize URL, gets its form_post page and posts it to the portal.</summary>
    public static async Task<HttpResponseMessage> FollowToPortalAsync(HttpClient portal, Uri authorizeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var page = await provider.GetAsync(authorizeUrl, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"The provider refused the authorize request: {html}");

        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var form = new FormUrlEncodedContent(fields);
        return await portal.PostAsync(new Uri(action), form, cancellationToken);
    }

    public static Dictionary<string, string> Query(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" />")]
    private static partial Regex HiddenField();
}
