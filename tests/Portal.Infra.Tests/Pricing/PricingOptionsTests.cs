using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Costs;
using Portal.Infra.Pricing;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Pricing;

/// <summary><c>Pricing:*</c>: the source follows the cloud provider unless set, and wrong settings stop the portal with the key.</summary>
public sealed class PricingOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sandbox_uses_the_bundled_snapshot_and_calls_it_stale_by_its_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 12, 0, 0, TimeSpan.Zero));
        await using var host = await InfraTestHost.CreateAsync(Ct, clock: clock);
        var status = host.Services.GetRequiredService<IPriceBookStatusSource>();

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is PriceBookRefresher);
        var fresh = await status.GetStatusAsync(Ct);
        Assert.Equal(("Bundled price snapshot", false, false, TimeSpan.FromDays(1)), (fresh.Book.Name, fresh.IsLive, fresh.IsStale, fresh.RefreshInterval));

        clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        Assert.True((await status.GetStatusAsync(Ct)).IsStale);
    }

    [Fact]
    public async Task On_aws_pricing_source_bundled_turns_the_api_off()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, PricingTestHost.Settings(new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?> { ["Pricing:Source"] = "Bundled" }));

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is PriceBookRefresher);
        Assert.Equal("Bundled price snapshot", (await host.Services.GetRequiredService<IPriceSource>().GetPriceBookAsync(Ct)).Name);
    }

    [Fact]
    public async Task The_api_source_in_the_sandbox_stops_the_portal_and_says_why()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { ["Pricing:Source"] = "Api" }));

        Assert.Contains("Pricing:Source is 'Api', which needs Cloud:Provider=Aws", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pricing:Source", "Live", "Pricing:Source is 'Live'; use 'Bundled' or 'Api'.")]
    [InlineData("Pricing:RefreshInterval", "00:00:10", "Pricing:RefreshInterval must be between 00:01:00 and 90.00:00:00.")]
    [InlineData("Pricing:EndpointRegion", "Virginia", "Pricing:EndpointRegion must be a region code such as us-east-1.")]
    [InlineData("Pricing:RequestDelay", "00:05:00", "Pricing:RequestDelay must be between 00:00:00 and 00:01:00.")]
    [InlineData("Pricing:KeepBooks", "0", "Pricing:KeepBooks must be between 1 and 100.")]
    public async Task A_wrong_setting_stops_the_portal_with_its_key(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InfraTestHost.CreateAsync(Ct, PricingTestHost.Settings(new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?> { [key] = value })));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
