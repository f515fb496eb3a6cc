using Portal.Cli.Tests.Infrastructure;

namespace Portal.Cli.Tests;

/// <summary><c>portal datasets search</c> and <c>portal estimate</c>: what a user reads before launching.</summary>
public sealed class CatalogueTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly PortalCli _cli = new();

    public async ValueTask InitializeAsync() => _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("cato"))).Secret);

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Search_lists_the_matching_datasets_with_their_ids_and_the_counts()
    {
        var search = await _cli.RunAsync("datasets", "search", "ERA5");

        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("era5 ", search.Output, StringComparison.Ordinal);
        Assert.Contains("us-east-1", search.Output, StringComparison.Ordinal);
        Assert.Contains("Regions: ", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cmip6 ", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_as_json_is_the_apis_answer_with_its_field_names()
    {
        var search = await _cli.RunAsync("datasets", "search", "--region", "us-west-2", "--json");

        Assert.True(search.ExitCode == 0, search.ToString());
        var json = search.Json();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, d => Assert.Equal("us-west-2", d.GetProperty("region").GetString()));
        Assert.Contains(items, d => d.GetProperty("id").GetString() == "cmip6");
        Assert.True(json.GetProperty("total").GetInt32() >= items.Count);
        Assert.True(json.GetProperty("facets").TryGetProperty("regions", out _));
    }

    [Fact]
    public async Task A_bad_filter_is_exit_1_with_the_field_named()
    {
        var search = await _cli.RunAsync("datasets", "search", "--format", "Parchment");

        Assert.True(search.ExitCode == 1, search.ToString());
        Assert.Contains("  format: 'format' is one of", search.Error, StringComparison.Ordinal);
        // The problem's detail repeats the field's message: it is printed once, on the field's line.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(search.Error, "'format' is one of"));
    }

    [Fact]
    public async Task Estimate_shows_the_cost_and_the_copy_home_comparison()
    {
        var estimate = await _cli.RunAsync(SampleLaunch.With("estimate"));

        Assert.True(estimate.ExitCode == 0, estimate.ToString());
        Assert.Matches(@"Estimate: \$[\d,]+\.\d\d an hour, \$[\d,]+\.\d\d for 4 hour\(s\)", estimate.Output);
        Assert.Contains("us-west-2 (", estimate.Output, StringComparison.Ordinal);
        Assert.Contains("Copy home instead: next to the data $", estimate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_as_json_carries_the_total_and_the_comparison()
    {
        var estimate = await _cli.RunAsync(SampleLaunch.With("estimate", "--json"));

        Assert.True(estimate.ExitCode == 0, estimate.ToString());
        var json = estimate.Json();
        Assert.Equal(4, json.GetProperty("hours").GetInt32());
        Assert.True(json.GetProperty("totalUsd").GetDecimal() > 0);
        Assert.True(json.GetProperty("copyHome").GetProperty("copyHomeUsd").GetDecimal() > 0);
        var regions = json.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()).ToList();
        Assert.Contains("us-east-1", regions);
        Assert.Contains("us-west-2", regions);
    }

    [Fact]
    public async Task An_estimate_with_bad_values_is_exit_1_with_one_line_per_field()
    {
        var estimate = await _cli.RunAsync("estimate", "--dataset", "era5", "--start", "2022-13-45", "--data-type", "Sometimes");

        Assert.True(estimate.ExitCode == 1, estimate.ToString());
        Assert.Contains("(HTTP 400)", estimate.Error, StringComparison.Ordinal);
        Assert.Contains("  startDate: '2022-13-45' is not a date: write it as yyyy-MM-dd.", estimate.Error, StringComparison.Ordinal);
        Assert.Contains("  dataType: 'Sometimes' is not one of Historical, Predictive or Both.", estimate.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, estimate.Output);
    }

    [Fact]
    public async Task A_missing_required_option_is_exit_1_before_any_call()
    {
        var estimate = await _cli.RunAsync("estimate", "--workers", "two");

        Assert.True(estimate.ExitCode == 1, estimate.ToString());
        Assert.Contains("--dataset", estimate.Error, StringComparison.Ordinal);
    }
}
