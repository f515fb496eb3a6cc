using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Budgets;
using Portal.Domain.Quotas;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.ApiCallers;

namespace Portal.Web.Tests.Api;

/// <summary>/api/v1/estimate, /datasets, /regions, /budgets/mine and /quotas/mine over real HTTP.</summary>
public sealed class CatalogueApiTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _ada = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ada = await SignedInAsync(_host, Ada);

    public async ValueTask DisposeAsync()
    {
        _ada.Dispose();
        await _host.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    [Fact]
    public async Task The_estimate_prices_each_region_and_compares_copying_home()
    {
        using var response = await _ada.PostAsJsonAsync("/api/v1/estimate", SessionsApiTests.Body(), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json(response);
        Assert.Equal(4, json.GetProperty("hours").GetInt32());
        var regions = json.GetProperty("regions").EnumerateArray().ToList();
        Assert.NotEmpty(regions);
        Assert.Equal(json.GetProperty("hourlyUsd").GetDecimal(), regions.Sum(r => r.GetProperty("hourlyUsd").GetDecimal()));
        var copyHome = json.GetProperty("copyHome");
        Assert.Equal(copyHome.GetProperty("copyHomeUsd").GetDecimal() - copyHome.GetProperty("nextToDataUsd").GetDecimal(), copyHome.GetProperty("savingUsd").GetDecimal());
        Assert.NotEmpty(copyHome.GetProperty("copyHomeLines").EnumerateArray());
    }

    [Fact]
    public async Task An_estimate_of_a_bad_request_names_the_fields_and_gives_no_figure()
    {
        using var response = await _ada.PostAsJsonAsync("/api/v1/estimate", new { datasets = Array.Empty<string>(), dataType = "Sometimes" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Historical, Predictive or Both", (await Json(response)).GetProperty("errors").GetProperty("dataType")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dataset_search_filters_and_counts_by_region_format_and_tag()
    {
        var all = await Json(await _ada.GetAsync("/api/v1/datasets?pageSize=100", Ct));
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        var regionFacet = all.GetProperty("facets").GetProperty("regions").EnumerateArray().First();
        Assert.Equal(total, all.GetProperty("facets").GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));

        var region = regionFacet.GetProperty("value").GetString();
        var inRegion = await Json(await _ada.GetAsync($"/api/v1/datasets?region={region}", Ct));
        Assert.Equal(regionFacet.GetProperty("count").GetInt32(), inRegion.GetProperty("total").GetInt32());
        Assert.All(inRegion.GetProperty("items").EnumerateArray(), d => Assert.Equal(region, d.GetProperty("region").GetString()));

        var era5 = await Json(await _ada.GetAsync("/api/v1/datasets?q=era5&analysable=true", Ct));
        Assert.All(era5.GetProperty("items").EnumerateArray(), d => Assert.True(d.GetProperty("analysable").GetBoolean()));
        Assert.Contains(era5.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString()!.Contains("era5", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("region=mars-1", "region")]
    [InlineData("format=Papyrus", "format")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task Dataset_search_refuses_a_bad_parameter_by_name(string query, string field)
    {
        using var response = await _ada.GetAsync($"/api/v1/datasets?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Regions_list_the_home_and_worker_regions()
    {
        var regions = (await Json(await _ada.GetAsync("/api/v1/regions", Ct))).EnumerateArray().ToList();

        Assert.Contains(regions, r => r.GetProperty("role").GetString() == "Home");
        Assert.Contains(regions, r => r.GetProperty("role").GetString() == "Worker");
    }

    [Fact]
    public async Task Regions_say_whether_each_is_enabled_and_an_estimate_needing_a_disabled_one_is_refused_naming_it()
    {
        var before = (await Json(await _ada.GetAsync("/api/v1/regions", Ct))).EnumerateArray().ToList();
        Assert.All(before, r => Assert.True(r.GetProperty("enabled").GetBoolean()));

        var admin = new Portal.Domain.Sessions.Actor("local:grace", "grace", isAdmin: true);
        var disabled = await _host.Services.GetRequiredService<Portal.Domain.Regions.IRegionAdministration>()
            .SetEnabledAsync(admin, Portal.Domain.Regions.RegionCode.Parse("us-east-1"), enabled: false, Ct);
        Assert.True(disabled.Succeeded, disabled.Message);

        var after = (await Json(await _ada.GetAsync("/api/v1/regions", Ct))).EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("enabled").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["eu-west-2"] = true, ["us-east-1"] = false, ["us-west-2"] = true }, after);
        using var estimate = await _ada.PostAsJsonAsync("/api/v1/estimate", SessionsApiTests.Body(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, estimate.StatusCode);
        var message = (await Json(estimate)).GetProperty("errors").GetProperty("datasets")[0].GetString();
        Assert.Equal("ERA5 reanalysis lives in us-east-1 (US East (N. Virginia)), a worker region an admin disabled: new sessions cannot run workers there. "
                     + "Choose datasets in another worker region, or ask an admin to enable us-east-1.", message);
    }

    [Fact]
    public async Task My_budgets_are_the_ones_that_apply_to_me_only()
    {
        var store = _host.Services.GetRequiredService<IBudgetStore>();
        await store.UpsertAsync(Budget.Create("ada-monthly", "Ada's month", BudgetScope.User(Ada.Id), 100m), Ct);
        await store.UpsertAsync(Budget.Create("bob-monthly", "Bob's month", BudgetScope.User(Bob.Id), 50m), Ct);

        using var response = await _ada.GetAsync("/api/v1/budgets/mine", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var budgets = (await Json(response)).EnumerateArray().ToList();
        var mine = Assert.Single(budgets);
        Assert.Equal("ada-monthly", mine.GetProperty("id").GetString());
        Assert.Equal(100m, mine.GetProperty("monthlyLimitUsd").GetDecimal());
    }

    [Fact]
    public async Task My_quotas_are_the_limits_that_apply_to_me_with_where_each_comes_from()
    {
        var store = _host.Services.GetRequiredService<IPortalLimitStore>();
        await store.UpsertAsync(PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 2, maxWorkersPerSession: 10), Ct);
        await store.UpsertAsync(PortalLimits.Create(LimitScope.User(Ada.Id), maxConcurrentSessions: 5), Ct);
        await store.UpsertAsync(PortalLimits.Create(LimitScope.User(Bob.Id), maxWorkersPerSession: 40), Ct);

        using var response = await _ada.GetAsync("/api/v1/quotas/mine", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var limits = (await Json(response)).EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(["maxConcurrentSessions", "maxWorkersPerSession"], limits.Keys.Order());
        Assert.Equal(5, limits["maxConcurrentSessions"].GetProperty("value").GetInt32());
        Assert.Equal($"user:{Ada.Id}", limits["maxConcurrentSessions"].GetProperty("scope").GetString());
        Assert.Equal(10, limits["maxWorkersPerSession"].GetProperty("value").GetInt32());
        Assert.Equal("everyone", limits["maxWorkersPerSession"].GetProperty("scope").GetString());
    }
}
