using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Diagnostics;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Diagnostics;

public sealed class LoadDiagnosticsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_endpoint_does_not_exist_unless_enabled()
    {
        await using var host = new WebHost();
        var address = host.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.GetAsync(new Uri("/_diagnostics/load", UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        // No endpoint: the path falls to the pages (the sign-in page for an anonymous caller), never to the figures.
        Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("managedHeapBytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabled_it_tells_a_loopback_caller_the_heap_working_set_and_circuits()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["LoadDiagnostics:Enabled"] = "true" });
        var address = host.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };

        var sample = await client.GetFromJsonAsync<LoadSample>(new Uri("/_diagnostics/load?collect=true", UriKind.Relative), Cancel);

        Assert.NotNull(sample);
        Assert.True(sample.ManagedHeapBytes > 0);
        Assert.True(sample.WorkingSetBytes > sample.ManagedHeapBytes);
        Assert.True(sample.CpuSeconds > 0);
        Assert.Equal(Environment.ProcessorCount, sample.Cores);
        Assert.Equal(0, sample.OpenCircuits);
        // The test host runs Workstation GC, the portal Server GC (ASP.NET Core's default): whichever, it is named.
        Assert.Matches(@"^(Server GC, (no )?DATAS, \d+ heaps|Workstation GC), (not )?concurrent, conserve \d+$", sample.Collector);
    }

    [Fact]
    public async Task Enabled_it_answers_404_to_a_caller_that_is_not_on_loopback()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["LoadDiagnostics:Enabled"] = "true" });
        // The test server's requests carry no remote address: not a loopback caller.
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/_diagnostics/load", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Circuits_of_closed_tabs_are_kept_one_minute_unless_configured()
    {
        await using var shipped = new WebHost();
        await using var configured = new WebHost(new Dictionary<string, string?>
        {
            ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:20",
            ["Circuits:DisconnectedCircuitMaxRetained"] = "7",
        });

        var defaults = shipped.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        var options = configured.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), defaults.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, defaults.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(20), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(7, options.DisconnectedCircuitMaxRetained);
    }
}
