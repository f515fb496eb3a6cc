using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>The headers on the wire: CSP, nosniff and Referrer-Policy on pages; HSTS and Secure cookies over HTTPS in production.</summary>
public sealed partial class SecurityHeadersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_a_full_content_security_policy_nosniff_and_a_referrer_policy()
    {
        await using var portal = new WebHost();
        using var client = portal.CreateClient();

        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative), Cancel);

        var csp = Directives(Single(page, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.StartsWith("'self'", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp["script-src"], StringComparison.Ordinal);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'self'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("nosniff", Single(page, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(page, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_pages_import_map_is_allowed_by_its_hash()
    {
        await using var portal = new WebHost();
        using var client = portal.CreateClient();

        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative), Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        var importMap = ImportMap().Match(html);
        Assert.True(importMap.Success, "The page has no import map.");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.Groups[1].Value)));
        Assert.Contains($"'sha256-{hash}'", Directives(Single(page, "Content-Security-Policy"))["script-src"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_carry_nosniff_and_presigned_sandbox_pages_keep_no_referrer()
    {
        await using var portal = new WebHost();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var api = await client.GetAsync(new Uri("/api/v1/sessions/s-abcdefgh12/cost", UriKind.Relative), Cancel);
        using var notebook = await client.GetAsync(new Uri("/sandbox/notebooks/eu-west-2/portal-s-abcdefgh12?authToken=forged", UriKind.Relative), Cancel);

        Assert.Equal("nosniff", Single(api, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(notebook, "Referrer-Policy"));
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts_of_a_year_with_subdomains_and_a_secure_antiforgery_cookie()
    {
        await using var portal = new WebHost(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:AllowNonLoopback"] = "true",
        });
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.org"), AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative), Cancel);

        var hsts = Single(page, "Strict-Transport-Security");
        var maxAge = long.Parse(MaxAge().Match(hsts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 15_724_800, hsts);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_with_an_empty_host_header_gets_400()
    {
        await using var portal = new WebHost();

        var context = await portal.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/signin";
            c.Request.Headers.Host = string.Empty;
        }, Cancel);

        Assert.Equal((int)HttpStatusCode.BadRequest, context.Response.StatusCode);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);

    [GeneratedRegex("<script type=\"importmap\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    [GeneratedRegex("max-age=([0-9]+)")]
    private static partial Regex MaxAge();
}
