using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Regions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Regions;

public sealed class FoundationOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sandbox_fills_in_well_formed_home_ids_and_checks_status_every_3_seconds()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);

        var options = host.Services.GetRequiredService<IOptions<FoundationOptions>>().Value;

        Assert.Equal((FoundationOptions.SandboxTransitGatewayId, FoundationOptions.SandboxHostedZoneId), (options.HomeTransitGatewayId, options.HomeHostedZoneId));
        Assert.Empty(new HomeFoundationOutputs(options.HomeTransitGatewayId!, options.HomeHostedZoneId!).Problems());
        Assert.Equal(TimeSpan.FromSeconds(3), options.StatusPollInterval);
    }

    [Fact]
    public async Task Configured_home_ids_win_over_the_sandbox_defaults()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
        {
            ["Foundation:HomeTransitGatewayId"] = "tgw-0123456789abcdef0",
            ["Foundation:HomeHostedZoneId"] = "Z0123456789ABCDEFGHIJ",
            ["Foundation:HomeCidr"] = "10.0.0.0/16",
        });

        var options = host.Services.GetRequiredService<IOptions<FoundationOptions>>().Value;

        Assert.Equal(("tgw-0123456789abcdef0", "Z0123456789ABCDEFGHIJ"), (options.HomeTransitGatewayId, options.HomeHostedZoneId));
    }

    [Theory]
    [InlineData("Foundation:HomeTransitGatewayId", "tgw-sandbox", "Foundation:HomeTransitGatewayId is 'tgw-sandbox', not a Transit Gateway id")]
    [InlineData("Foundation:HomeHostedZoneId", "zone-1", "Foundation:HomeHostedZoneId is 'zone-1', not a Route 53 hosted zone id")]
    [InlineData("Foundation:HomeCidr", "10.9.0.0/16", "Foundation:HomeCidr is 10.9.0.0/16, but the portal's home region eu-west-2 has 10.0.0.0/16")]
    [InlineData("Foundation:HomeCidr", "ten", "Foundation:HomeCidr: 'ten' is not an IPv4 CIDR block")]
    [InlineData("Foundation:StatusPollInterval", "00:30:00", "StatusPollInterval")]
    [InlineData("Foundation:CreateTimeoutInMinutes", "5", "CreateTimeoutInMinutes")]
    public async Task A_malformed_setting_stops_the_portal_with_the_key_in_the_message(string key, string value, string message)
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<FoundationOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_home_ids_a_create_is_refused_naming_the_settings_and_nothing_is_asked_of_the_cloud()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var deployer = new RecordingStackDeployer(host.Services.GetRequiredService<IStackDeployer>());
        // What Cloud:Provider=Aws gives when PortalStack did not pass HomeFoundation's outputs.
        var service = new RegionFoundationService(
            host.Services.GetRequiredService<RegionFoundationPlanner>(),
            RegionCatalog.Default,
            deployer,
            host.Services.GetRequiredService<IDataRepositoryAssociations>(),
            host.Store,
            host.Services.GetRequiredService<FoundationChangeNotifier>(),
            host.Services.GetRequiredService<Portal.Infra.Audit.AuditTrail>(),
            Options.Create(new FoundationOptions()),
            host.Clock,
            NullLogger<RegionFoundationService>.Instance);
        var grace = new Actor("grace", isAdmin: true);

        var result = await service.CreateAsync(grace, RegionCode.Parse("us-east-1"), Ct);

        Assert.Equal(FoundationCommandOutcome.Refused, result.Outcome);
        Assert.Equal(
            "Foundation:HomeTransitGatewayId is not set: set it to HomeFoundation's output TransitGatewayId. "
            + "Foundation:HomeHostedZoneId is not set: set it to HomeFoundation's output HostedZoneId.",
            result.Message);
        Assert.Empty(deployer.Creates);
        Assert.Equal(2, service.Plan(grace, RegionCode.Parse("us-east-1")).Problems.Count);
    }
}
