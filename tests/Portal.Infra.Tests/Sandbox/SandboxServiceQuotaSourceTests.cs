using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Sandbox;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sandbox;

/// <summary>The sandbox's service quotas come from <c>Sandbox:ServiceQuotas:&lt;code&gt;</c>, with AWS-like defaults.</summary>
public sealed class SandboxServiceQuotaSourceTests
{
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Configured_values_replace_the_defaults_and_unset_ones_keep_them()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
        {
            ["Sandbox:ServiceQuotas:L-3032A538"] = "12",
            ["Sandbox:ServiceQuotas:NotebookInstances"] = "1",
        });
        var source = host.Services.GetRequiredService<IServiceQuotaSource>();

        var fargate = await source.GetServiceQuotaAsync(UsWest2, "fargate", "L-3032A538", Ct);
        var ec2 = await source.GetServiceQuotaAsync(UsWest2, "ec2", "L-1216C47A", Ct);
        var notebooks = await source.FindServiceQuotaByNameAsync(UsWest2, "sagemaker", "ml.t3.2xlarge for notebook instance usage", Ct);

        Assert.IsType<SandboxServiceQuotaSource>(source);
        Assert.Equal((12d, "Fargate On-Demand vCPU resource count", true), (fargate!.Value, fargate.Name, fargate.Adjustable));
        Assert.Equal(1152, ec2!.Value);
        Assert.Equal((1d, "ml.t3.2xlarge for notebook instance usage"), (notebooks!.Value, notebooks.Name));
        Assert.Null(await source.GetServiceQuotaAsync(UsWest2, "ec2", "L-00000000", Ct));
    }

    [Theory]
    [InlineData("Sandbox:ServiceQuotas:L-1216C47A", "-1", "Sandbox:ServiceQuotas:L-1216C47A is -1; a service quota must be 0 or more.")]
    [InlineData("Sandbox:ServiceQuotas:L-NOPE", "5", "Sandbox:ServiceQuotas:L-NOPE is not a quota the sandbox knows")]
    public async Task A_negative_or_unknown_quota_stops_the_portal_naming_the_key(string key, string value, string message)
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SandboxOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
