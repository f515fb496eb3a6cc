using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Budgets;
using Portal.Domain.Quotas;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.ApiCallers;

namespace Portal.Web.Tests.Api;

/// <summary>Every /api/v1 endpoint (the admin API too) against every kind of caller, on a session of Ada's.</summary>
public sealed class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.MatrixPortal portal) : IClassFixture<ApiAuthorizationMatrixTests.MatrixPortal>
{
    /// <summary>Method, path ({id}: Ada's session), whether it names a session, whether it changes something.</summary>
    private static readonly Dictionary<string, (string Method, string Path, bool OfSession, bool Writes)> Endpoints = new()
    {
        ["list"] = ("GET", "/api/v1/sessions", false, false),
        ["create"] = ("POST", "/api/v1/sessions", false, true),
        ["get"] = ("GET", "/api/v1/sessions/{id}", true, false),
        ["cost"] = ("GET", "/api/v1/sessions/{id}/cost", true, false),
        ["stop"] = ("POST", "/api/v1/sessions/{id}/stop", true, true),
        ["extend"] = ("POST", "/api/v1/sessions/{id}/extend", true, true),
        ["retry"] = ("POST", "/api/v1/sessions/{id}/retry", true, true),
        ["notebook-url"] = ("POST", "/api/v1/sessions/{id}/notebook-url", true, true),
        ["estimate"] = ("POST", "/api/v1/estimate", false, false),
        ["datasets"] = ("GET", "/api/v1/datasets", false, false),
        ["regions"] = ("GET", "/api/v1/regions", false, false),
        ["budgets"] = ("GET", "/api/v1/budgets/mine", false, false),
        ["quotas"] = ("GET", "/api/v1/quotas/mine", false, false),
        ["activity"] = ("POST", "/api/v1/sessions/{id}/activity", true, true),
        ["locality"] = ("POST", "/api/v1/sessions/{id}/locality", true, true),
        ["admin-audit"] = ("GET", "/api/v1/admin/audit", false, false),
        ["admin-limits"] = ("GET", "/api/v1/admin/quotas/limits", false, false),
        ["admin-limits-save"] = ("PUT", "/api/v1/admin/quotas/limits/group:matrix", false, true),
        ["admin-limits-delete"] = ("DELETE", "/api/v1/admin/quotas/limits/group:{fresh}", false, true),
        ["admin-service-quotas"] = ("GET", "/api/v1/admin/quotas/service", false, false),
        ["admin-budgets"] = ("GET", "/api/v1/admin/budgets", false, false),
        ["admin-budget-create"] = ("POST", "/api/v1/admin/budgets", false, true),
        ["admin-budget-update"] = ("PUT", "/api/v1/admin/budgets/matrix", false, true),
        ["admin-budget-delete"] = ("DELETE", "/api/v1/admin/budgets/{fresh}", false, true),
        ["admin-datasets"] = ("GET", "/api/v1/admin/datasets", false, false),
        ["admin-dataset-enable"] = ("POST", "/api/v1/admin/datasets/ncar-cesm2-lens/enable", false, true),
        ["admin-dataset-disable"] = ("POST", "/api/v1/admin/datasets/nsf-ncar-era5/disable", false, true),
        ["admin-dataset-update"] = ("PUT", "/api/v1/admin/datasets/nex-gddp-cmip6", false, true),
        ["admin-region-add"] = ("POST", "/api/v1/admin/regions", false, true),
        ["admin-region-enable"] = ("POST", "/api/v1/admin/regions/us-west-2/enable", false, true),
        ["admin-region-disable"] = ("POST", "/api/v1/admin/regions/eu-west-2/disable", false, true),
    };

    private static readonly string[] Callers =
        ["anonymous", "user", "user-token", "other-user", "admin", "admin-token", "admin-read-only-token", "expired-token", "revoked-token", "read-only-token", "other-users-token"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints.Keys)
        {
            foreach (var caller in Callers)
            {
                cases.Add(endpoint, caller);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_each_caller_as_its_rights_say(string endpoint, string caller)
    {
        var (method, path, ofSession, writes) = Endpoints[endpoint];
        using var client = await portal.ClientAsync(caller);
        var fresh = "matrix-" + Guid.NewGuid().ToString("N")[..12];
        await portal.PrepareAsync(endpoint, fresh);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", portal.AdasSession, StringComparison.Ordinal).Replace("{fresh}", fresh, StringComparison.Ordinal));
        request.Content = endpoint switch
        {
            "create" or "estimate" => JsonContent.Create(SessionsApiTests.Body(Guid.NewGuid().ToString("N"))),
            "extend" => JsonContent.Create(new { hours = 0 }),
            "locality" => JsonContent.Create(new { pools = new { }, betweenPools = Array.Empty<object>(), toClientBytes = 0 }),
            "admin-limits-save" => JsonContent.Create(new { maxConcurrentSessions = 5 }),
            "admin-budget-create" => JsonContent.Create(new { id = fresh, scope = "group:matrix", monthlyLimitUsd = 100m }),
            "admin-budget-update" => JsonContent.Create(new { scope = "group:matrix", monthlyLimitUsd = 200m }),
            "admin-dataset-update" => JsonContent.Create(new { title = "NEX-GDDP-CMIP6", tags = new[] { "climate" } }),
            // Refused for its content (us-east-1 is there already; the home region stays enabled): no call changes the regions.
            "admin-region-add" => JsonContent.Create(new { region = "us-east-1", cidr = "10.1.0.0/16" }),
            _ => null,
        };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var status = response.StatusCode;
        var expected = Expected(endpoint, caller, ofSession, writes);
        if (expected is { } refusal)
        {
            Assert.Equal(refusal, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound),
                $"{caller} on {endpoint}: {status}");
        }
    }

    /// <summary>The refusal a caller gets, or null when the call is theirs to make (it may still be a 409 or a 429).</summary>
    private static HttpStatusCode? Expected(string endpoint, string caller, bool ofSession, bool writes)
    {
        // A session's own processes report with the session's token: no person's credential opens these.
        if (endpoint is "activity" or "locality")
        {
            return HttpStatusCode.Unauthorized;
        }

        return caller switch
        {
            "anonymous" or "expired-token" or "revoked-token" => HttpStatusCode.Unauthorized,
            "read-only-token" or "admin-read-only-token" when writes => HttpStatusCode.Forbidden,
            "user" or "user-token" or "other-user" or "other-users-token" or "read-only-token" when endpoint.StartsWith("admin-", StringComparison.Ordinal) => HttpStatusCode.Forbidden,
            "other-user" or "other-users-token" when ofSession => HttpStatusCode.NotFound,
            "admin" or "admin-token" or "admin-read-only-token" when endpoint == "notebook-url" => HttpStatusCode.Forbidden,
            _ => null,
        };
    }

    /// <summary>One portal for the whole matrix: Ada's session, and a credential of each kind.</summary>
    public sealed class MatrixPortal : IAsyncLifetime
    {
        private readonly Dictionary<string, string> _tokens = [];

        public WebHost Host { get; } = new(new Dictionary<string, string?> { ["Security:LaunchesPerMinute"] = "100" });

        public string AdasSession { get; private set; } = string.Empty;

        public async ValueTask InitializeAsync()
        {
            var sessions = Host.Services.GetRequiredService<ISessionService>();
            AdasSession = (await sessions.LaunchAsync(Ada, SampleRequests.FirstRun, CancellationToken.None)).SessionId!.Value.Value;
            _tokens["user-token"] = (await CreateTokenAsync(Host, Ada)).Secret;
            _tokens["read-only-token"] = (await CreateTokenAsync(Host, Ada, ApiTokenScope.Read)).Secret;
            _tokens["other-users-token"] = (await CreateTokenAsync(Host, Bob)).Secret;
            _tokens["admin-token"] = (await CreateTokenAsync(Host, Root)).Secret;
            _tokens["admin-read-only-token"] = (await CreateTokenAsync(Host, Root, ApiTokenScope.Read)).Secret;
            await SaveBudgetAsync("matrix");
            var expired = await CreateTokenAsync(Host, Ada);
            await ExpireAsync(Host, expired.Token.Id);
            _tokens["expired-token"] = expired.Secret;
            var revoked = await CreateTokenAsync(Host, Ada);
            await Host.Services.GetRequiredService<IApiTokens>().RevokeAsync(Ada, revoked.Token.Id, CancellationToken.None);
            _tokens["revoked-token"] = revoked.Secret;
        }

        public async Task<HttpClient> ClientAsync(string caller) => caller switch
        {
            "anonymous" => Anonymous(Host),
            "user" => await SignedInAsync(Host, Ada),
            "other-user" => await SignedInAsync(Host, Bob),
            "admin" => await SignedInAsync(Host, Root),
            _ => WithToken(Host, _tokens[caller]),
        };

        /// <summary>What a call deletes exists before it, under the fresh name only that call uses.</summary>
        public async Task PrepareAsync(string endpoint, string fresh)
        {
            if (endpoint == "admin-budget-delete")
            {
                await SaveBudgetAsync(fresh);
            }
            else if (endpoint == "admin-limits-delete")
            {
                var saved = await Host.Services.GetRequiredService<IQuotaService>().SaveLimitsAsync(
                    Root, PortalLimits.Create(LimitScope.Group(fresh), maxConcurrentSessions: 3), CancellationToken.None);
                Assert.True(saved.Succeeded, saved.Message);
            }
        }

        private async Task SaveBudgetAsync(string id)
        {
            var draft = new BudgetDraft { Id = id, Scope = "group:matrix", MonthlyLimitUsd = "100", Thresholds = "80:Notify" };
            var saved = await Host.Services.GetRequiredService<IBudgetAdministration>().SaveAsync(Root, draft, isNew: true, CancellationToken.None);
            Assert.True(saved.Succeeded, saved.Message);
        }

        public async ValueTask DisposeAsync() => await Host.DisposeAsync();
    }
}
