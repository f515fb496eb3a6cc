using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Audit;

/// <summary>The audit page and its CSV export over the whole portal: admins only, and the export is the filtered view.</summary>
public sealed class AuditLogHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly WebHost _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var log = _host.Services.GetRequiredService<IAuditLog>();
        await log.AppendAsync(Entry(Day, "ada", AuditActions.SessionLaunch, "s-aaaaaaaaaa"), Cancel);
        await log.AppendAsync(Entry(Day.AddHours(1), "bob", AuditActions.SessionLaunch, "s-bbbbbbbbbb"), Cancel);
        await log.AppendAsync(Entry(Day.AddDays(1), "ada", AuditActions.SessionStop, "s-aaaaaaaaaa", "=HYPERLINK(\"http://evil\")"), Cancel);
        await log.AppendAsync(Entry(Day.AddDays(3), "ada", AuditActions.SessionLaunch, "s-cccccccccc"), Cancel);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static AuditEntry Entry(DateTimeOffset at, string actor, string action, string objectId, string detail = "Done.") => new()
    {
        At = at,
        ActorId = $"local:{actor}",
        ActorName = actor,
        Action = action,
        ObjectType = "session",
        ObjectId = objectId,
        Detail = detail,
        SourceIp = "203.0.113.9",
        UserAgent = "TestBrowser/1.0",
    };

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit.csv")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_see_no_entry(string path)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("signin", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s-aaaaaaaaaa", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit.csv")]
    public async Task A_user_without_the_admin_role_is_refused_and_sees_no_entry(string path)
    {
        using var client = await ClientForAsync(SessionCookies.Principal("ada", PortalRoles.User));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(PortalAuthentication.NoRolePath, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("s-aaaaaaaaaa", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_entries_newest_first_with_an_export_link_for_the_same_filter()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("grace", PortalRoles.Admin));

        var html = await client.GetStringAsync(new Uri("/admin/audit?actor=ada&action=session.launch", UriKind.Relative), Cancel);

        Assert.Contains("data-testid=\"audit-table\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "data-testid=\"audit-row\""));
        Assert.True(html.IndexOf("s-cccccccccc", StringComparison.Ordinal) < html.IndexOf("s-aaaaaaaaaa", StringComparison.Ordinal));
        Assert.DoesNotContain("s-bbbbbbbbbb", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit.csv?actor=ada&amp;action=session.launch\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_is_told_when_no_entry_matches()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("grace", PortalRoles.Admin));

        var html = await client.GetStringAsync(new Uri("/admin/audit?actor=nobody", UriKind.Relative), Cancel);

        Assert.Contains("data-testid=\"audit-empty\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"audit-row\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_of_a_filtered_view_has_exactly_its_rows_as_an_attachment()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("grace", PortalRoles.Admin));

        using var response = await client.GetAsync(new Uri("/admin/audit.csv?from=2026-12-01&to=2026-12-02&actor=ADA", UriKind.Relative), Cancel);
        var csv = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^audit-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AuditCsv.Header), lines[0]);
        Assert.Equal(
            [
                ",2026-12-02T09:00:00.000Z,local:ada,ada,session.stop,session,s-aaaaaaaaaa,\"'=HYPERLINK(\"\"http://evil\"\")\",203.0.113.9,TestBrowser/1.0",
                ",2026-12-01T09:00:00.000Z,local:ada,ada,session.launch,session,s-aaaaaaaaaa,Done.,203.0.113.9,TestBrowser/1.0",
            ],
            lines.Skip(1).Select(l => l[l.IndexOf(',', StringComparison.Ordinal)..]));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<HttpClient> ClientForAsync(ClaimsPrincipal principal)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", await SessionCookies.ForAsync(_host, principal));
        return client;
    }
}
