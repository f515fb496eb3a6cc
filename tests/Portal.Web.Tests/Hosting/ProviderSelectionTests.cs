using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

public sealed class ProviderSelectionTests
{
    [Fact]
    public async Task The_sandbox_is_the_default_cloud()
    {
        await using var host = new WebHost();

        var cloud = host.Services.GetRequiredService<CloudInfo>();

        Assert.True(cloud.IsSandbox);
        Assert.Equal("Sandbox", cloud.Provider);
    }

    [Fact]
    public async Task Cloud_provider_aws_composes_the_aws_adapters_and_hides_the_sandbox_badge()
    {
        await using var host = new WebHost(new Dictionary<string, string?>
        {
            ["Cloud:Provider"] = "Aws",
            ["Aws:TemplatesBaseUrl"] = "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/templates",
            ["Aws:Notebook:RoleArn"] = "arn:aws:iam::123456789012:role/portal-notebook",

            // Live prices would have the refresher call the Price List API from a test (Portal.Infra.Tests covers it locally).
            ["Pricing:Source"] = "Bundled",
        });
        using var client = host.CreateClient();

        var cloud = host.Services.GetRequiredService<CloudInfo>();
        var html = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.False(cloud.IsSandbox);
        Assert.DoesNotContain("Portal.Infra.Sandbox", host.Services.GetRequiredService<IStackDeployer>().GetType().FullName, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-badge", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_provider_stops_the_portal_with_the_key_in_the_message()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["Cloud:Provider"] = "Azure" });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Cloud:Provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aws_provider_without_its_required_settings_does_not_start()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["Cloud:Provider"] = "Aws" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("TemplatesBaseUrl", error.ToString(), StringComparison.Ordinal);
    }
}
