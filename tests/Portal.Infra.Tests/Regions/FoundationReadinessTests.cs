using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Regions;

public sealed class FoundationReadinessTests
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    private static readonly Actor Root = new("local:root", "root", isAdmin: true);
    private static readonly SessionRequest Era5Only = SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_foundations_are_required_a_launch_waits_for_its_regions_foundation_to_be_ready()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
        {
            ["Foundation:RequireForSessions"] = "true",
            ["Sandbox:StackCreateDurations:RegionFoundation"] = "00:00:20",
        });

        var refused = await host.Sessions.LaunchAsync(Ada, Era5Only, Ct);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(SessionRequestField.Datasets, error.Field);
        Assert.Equal("us-east-1 is not ready for sessions: its foundation (network, FSx file system, peering) is not created. An admin creates it on Admin → Regions.", error.Message);
        Assert.Empty(await host.Store.ListAsync(null, Ct));

        var foundations = host.Services.GetRequiredService<IRegionFoundations>();
        await foundations.CreateAsync(Root, RegionCode.Parse("us-east-1"), Ct);
        var creating = await host.Sessions.LaunchAsync(Ada, Era5Only, Ct);
        Assert.Contains("still being created", Assert.Single(creating.Errors).Message, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromSeconds(21));
        var launched = await host.Sessions.LaunchAsync(Ada, Era5Only, Ct);

        Assert.True(launched.Succeeded, string.Join(" ", launched.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task The_sandbox_needs_no_foundation_by_default()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);

        var launched = await host.Sessions.LaunchAsync(Ada, Era5Only, Ct);

        Assert.True(launched.Succeeded);
    }
}
