namespace Portal.Web.Tests.Support;

/// <summary>What an attacker copies out of a browser: the sign-in cookie as the portal set it, to replay later.</summary>
public static class SavedCookies
{
    /// <summary>The <c>Cookie</c> header value of the <c>portal.auth</c> cookie(s) <paramref name="response"/> set.</summary>
    public static string From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var saved = cookies
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith(SessionCookies.Name, StringComparison.Ordinal) && !c.EndsWith('=') )
            .ToList();
        Assert.NotEmpty(saved);
        return string.Join("; ", saved);
    }
}
