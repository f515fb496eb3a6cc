using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.ApiCallers;

namespace Portal.Web.Tests.Api;

/// <summary><c>/api/v1/admin</c> over real HTTP with an admin's token: what each call does, and its problems.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _admin = WithToken(_host, (await CreateTokenAsync(_host, Root)).Secret);

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        (await _host.Services.GetRequiredService<IAuditLog>().ListAsync(AuditFilter.None, 0, 100, Ct)).Entries;

    [Fact]
    public async Task Limits_are_saved_listed_and_deleted_and_each_change_is_audited()
    {
        using var save = await _admin.PutAsJsonAsync("/api/v1/admin/quotas/limits/group:team-a", new { maxWorkersPerSession = 8, maxLifetimeHours = 12 }, Ct);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        var listed = await Json(await _admin.GetAsync("/api/v1/admin/quotas/limits", Ct));
        var teamA = Assert.Single(listed.EnumerateArray(), l => l.GetProperty("scope").GetString() == "group:team-a");
        Assert.Equal((8, 12), (teamA.GetProperty("maxWorkersPerSession").GetInt32(), teamA.GetProperty("maxLifetimeHours").GetInt32()));
        Assert.Equal(JsonValueKind.Null, teamA.GetProperty("maxConcurrentSessions").ValueKind);

        using var delete = await _admin.DeleteAsync("/api/v1/admin/quotas/limits/group:team-a", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var again = await _admin.DeleteAsync("/api/v1/admin/quotas/limits/group:team-a", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var actions = (await AuditAsync()).Where(e => e.ObjectId == "group:team-a").Select(e => e.Action);
        Assert.Equal([AuditActions.QuotaLimitDelete, AuditActions.QuotaLimitSave], actions);
    }

    [Theory]
    [InlineData("/api/v1/admin/quotas/limits/group:team-a", """{"idleTimeoutMinMinutes": 60, "idleTimeoutMaxMinutes": 30}""", "above the maximum")]
    [InlineData("/api/v1/admin/quotas/limits/group:team-a", """{"maxWorkersPerSession": 0}""", "Maximum workers per session")]
    [InlineData("/api/v1/admin/quotas/limits/somebody", """{"maxWorkersPerSession": 2}""", "scope")]
    public async Task Wrong_limits_are_refused_with_the_reason(string path, string body, string reason)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _admin.PutAsync(path, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await Json(response)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await AuditAsync(), e => e.Action == AuditActions.QuotaLimitSave);
    }

    [Fact]
    public async Task Service_quotas_list_each_region_with_use_and_headroom()
    {
        var regions = await Json(await _admin.GetAsync("/api/v1/admin/quotas/service", Ct));

        var east = Assert.Single(regions.EnumerateArray(), r => r.GetProperty("region").GetString() == "us-east-1");
        var vcpus = Assert.Single(east.GetProperty("quotas").EnumerateArray(), q => q.GetProperty("quotaCode").GetString() == "L-1216C47A");
        Assert.True(vcpus.GetProperty("value").GetDouble() > 0);
        Assert.Equal(vcpus.GetProperty("value").GetDouble() - vcpus.GetProperty("inUse").GetDouble(), vcpus.GetProperty("headroom").GetDouble());
    }

    [Fact]
    public async Task A_budget_is_created_updated_and_deleted_with_problems_per_field()
    {
        using var bad = await _admin.PostAsJsonAsync("/api/v1/admin/budgets", new { id = "team x", scope = "nobody", monthlyLimitUsd = -1m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _) && errors.TryGetProperty("scope", out _) && errors.TryGetProperty("monthlyLimitUsd", out _), errors.ToString());

        using var created = await _admin.PostAsJsonAsync("/api/v1/admin/budgets", new { id = "team-x", name = "Team X", scope = "group:team-x", monthlyLimitUsd = 500m }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/admin/budgets/team-x", created.Headers.Location?.OriginalString);
        var budget = await Json(created);
        Assert.Equal(("Team X", 500m, "80:Notify,100:RefuseLaunches,120:StopSessions"),
            (budget.GetProperty("name").GetString(), budget.GetProperty("monthlyLimitUsd").GetDecimal(), budget.GetProperty("thresholds").GetString()));
        Assert.Equal(6, budget.GetProperty("months").GetArrayLength());

        using var duplicate = await _admin.PostAsJsonAsync("/api/v1/admin/budgets", new { id = "team-x", scope = "group:team-x", monthlyLimitUsd = 5m }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        using var updated = await _admin.PutAsJsonAsync("/api/v1/admin/budgets/team-x", new { scope = "group:team-x", monthlyLimitUsd = 750m, thresholds = "100:RefuseLaunches" }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(750m, (await Json(updated)).GetProperty("monthlyLimitUsd").GetDecimal());
        using var unknown = await _admin.PutAsJsonAsync("/api/v1/admin/budgets/nobodys", new { scope = "group:team-x", monthlyLimitUsd = 1m }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var deleted = await _admin.DeleteAsync("/api/v1/admin/budgets/team-x", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, (await Json(await _admin.GetAsync("/api/v1/admin/budgets", Ct))).GetArrayLength());
        var actions = (await AuditAsync()).Where(e => e.ObjectId == "team-x").Select(e => e.Action);
        Assert.Equal([AuditActions.BudgetDelete, AuditActions.BudgetUpdate, AuditActions.BudgetCreate], actions);
    }

    [Fact]
    public async Task A_disabled_dataset_leaves_the_users_search_and_shows_as_disabled_to_admins()
    {
        using var disable = await _admin.PostAsync("/api/v1/admin/datasets/ncar-cesm2-lens/disable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var admins = await Json(await _admin.GetAsync("/api/v1/admin/datasets?q=cesm2", Ct));
        var lens = Assert.Single(admins.GetProperty("items").EnumerateArray(), d => d.GetProperty("dataset").GetProperty("id").GetString() == "ncar-cesm2-lens");
        Assert.False(lens.GetProperty("enabled").GetBoolean());
        using var user = WithToken(_host, (await CreateTokenAsync(_host, Ada)).Secret);
        var search = await Json(await user.GetAsync("/api/v1/datasets?q=cesm2", Ct));
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == "ncar-cesm2-lens");

        using var enable = await _admin.PostAsync("/api/v1/admin/datasets/ncar-cesm2-lens/enable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        using var unknown = await _admin.PostAsync("/api/v1/admin/datasets/no-such-dataset/disable", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal([AuditActions.DatasetEnable, AuditActions.DatasetDisable], (await AuditAsync()).Where(e => e.ObjectType == "dataset").Select(e => e.Action));
    }

    [Fact]
    public async Task A_datasets_display_fields_are_edited_and_a_wrong_title_is_refused_per_field()
    {
        using var wrong = await _admin.PutAsJsonAsync("/api/v1/admin/datasets/era5", new { title = " ", tags = new[] { "climate" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await Json(wrong)).GetProperty("errors").TryGetProperty("title", out _));

        using var edited = await _admin.PutAsJsonAsync("/api/v1/admin/datasets/era5", new { title = "ERA5, first home", description = "Old home.", tags = new[] { "Climate", "reanalysis" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var found = await Json(await _admin.GetAsync("/api/v1/admin/datasets?q=era5", Ct));
        var era5 = Assert.Single(found.GetProperty("items").EnumerateArray(), d => d.GetProperty("dataset").GetProperty("id").GetString() == "era5");
        Assert.Equal("ERA5, first home", era5.GetProperty("dataset").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_audit_log_is_read_a_page_at_a_time_filtered_like_the_page()
    {
        for (var i = 0; i < 3; i++)
        {
            using var saved = await _admin.PutAsJsonAsync($"/api/v1/admin/quotas/limits/group:team-{i}", new { maxConcurrentSessions = i + 1 }, Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var first = await Json(await _admin.GetAsync("/api/v1/admin/audit?action=quota.limit-save&pageSize=2", Ct));
        Assert.Equal((3, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("items").GetArrayLength()));
        Assert.Equal("group:team-2", first.GetProperty("items")[0].GetProperty("objectId").GetString());
        var next = first.GetProperty("next").GetString()!;
        var second = await Json(await _admin.GetAsync(next, Ct));
        Assert.Equal("group:team-0", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("objectId").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        using var badDate = await _admin.GetAsync("/api/v1/admin/audit?from=yesterday", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await Json(badDate)).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task A_worker_region_is_added_disabled_and_enabled_again_and_an_overlap_names_the_other_region()
    {
        using var overlap = await _admin.PostAsJsonAsync("/api/v1/admin/regions", new { region = "ap-southeast-2", cidr = "10.1.0.0/16" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("us-east-1", (await Json(overlap)).GetProperty("errors").GetProperty("cidr")[0].GetString(), StringComparison.Ordinal);

        using var added = await _admin.PostAsJsonAsync("/api/v1/admin/regions", new { region = "ap-southeast-2", cidr = "10.3.0.0/16" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(("ap-southeast-2", "Worker", true), ((await Json(added)).GetProperty("code").GetString(), (await Json(added)).GetProperty("role").GetString(), (await Json(added)).GetProperty("enabled").GetBoolean()));

        using var disable = await _admin.PostAsync("/api/v1/admin/regions/us-west-2/disable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        var regions = await Json(await _admin.GetAsync("/api/v1/regions", Ct));
        Assert.False(Assert.Single(regions.EnumerateArray(), r => r.GetProperty("code").GetString() == "us-west-2").GetProperty("enabled").GetBoolean());
        Assert.Contains(regions.EnumerateArray(), r => r.GetProperty("code").GetString() == "ap-southeast-2");

        // A launch that needs the disabled region is refused before anything is created.
        using var launch = await _admin.PostAsJsonAsync("/api/v1/sessions", SessionsApiTests.Body("region-off"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, launch.StatusCode);
        Assert.Contains("us-west-2", (await Json(launch)).ToString(), StringComparison.Ordinal);

        using var enable = await _admin.PostAsync("/api/v1/admin/regions/us-west-2/enable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        using var home = await _admin.PostAsync("/api/v1/admin/regions/eu-west-2/disable", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, home.StatusCode);
        using var unknown = await _admin.PostAsync("/api/v1/admin/regions/mars-north-1/disable", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal([AuditActions.RegionEnable, AuditActions.RegionDisable, AuditActions.RegionAdd],
            (await AuditAsync()).Where(e => e.Action.StartsWith("region.", StringComparison.Ordinal)).Select(e => e.Action));
    }
}
