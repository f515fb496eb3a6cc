using System.Globalization;
using System.Text;
using Portal.LoadTests.Driver;
using Portal.Web.Diagnostics;

namespace Portal.LoadTests;

/// <summary>
/// What a circuit costs before the explore page adds anything: <c>PORTAL_FLOOR_CIRCUITS</c> (default 100) circuits on the
/// smallest page of the main layout (<c>/not-found</c>: the app bar, the drawer and a paragraph), then as many on the
/// explore page, each against the idle figure before it, in one run. Explicit:
/// <c>dotnet test tests/Portal.LoadTests -c Release -- --filter-method "*Floor*" --explicit only</c>; writes
/// artifacts/load/floor.md.
/// </summary>
public sealed class CircuitFloor
{
    [Fact(Explicit = true, Timeout = 900_000)]
    public async Task Floor_of_a_circuit_against_the_explore_page()
    {
        var cancel = TestContext.Current.CancellationToken;
        var circuits = int.Parse(Environment.GetEnvironmentVariable("PORTAL_FLOOR_CIRCUITS") ?? "100", CultureInfo.InvariantCulture);
        await using var server = await PortalServer.StartAsync(
            new Dictionary<string, string> { ["Circuits__DisconnectedCircuitRetentionPeriod"] = "00:00:02", ["MemoryTrim__Enabled"] = "false" }, cancel);

        var floor = await MeasureAsync(server, circuits, i => SimulatedBrowser.OpenPageAsync(server.BaseAddress, $"floor-{i}", "/not-found", null, cancel), cancel);
        var explore = await MeasureAsync(server, circuits, async i =>
        {
            var browser = await SimulatedBrowser.OpenAsync(server.BaseAddress, $"explore-{i}", cancel);
            await browser.ChangeWorkersAsync(3, cancel);
            return browser;
        }, cancel);

        var text = new StringBuilder()
            .AppendLine("# What a circuit costs: the layout alone against the explore page (issue 16)").AppendLine()
            .AppendLine(Inv($"{circuits} circuits of each, one after the other in one portal process ({Environment.ProcessorCount} cores, {floor.Idle.Collector}); per circuit = (figure − the idle figure before them) ÷ circuits."))
            .AppendLine()
            .AppendLine("| Page | Heap per circuit (KB) | Working set per circuit (KB) |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(Inv($"| `/not-found` (main layout, one paragraph) | {floor.HeapPerCircuit / 1024:0} | {floor.WorkingSetPerCircuit / 1024:0} |"))
            .AppendLine(Inv($"| `/` explore (ERA5 selected, workers changed) | {explore.HeapPerCircuit / 1024:0} | {explore.WorkingSetPerCircuit / 1024:0} |"))
            .ToString();
        var folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "load");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "floor.md"), text, cancel);
        TestContext.Current.SendDiagnosticMessage(text);

        Assert.True(floor.HeapPerCircuit > 0 && explore.HeapPerCircuit > floor.HeapPerCircuit, text);
    }

    private static async Task<Measured> MeasureAsync(PortalServer server, int circuits, Func<int, Task<SimulatedBrowser>> open, CancellationToken cancel)
    {
        // One circuit first, opened and closed, so the idle figure holds what the first circuit of a kind warms up.
        await (await open(-1)).DisposeAsync();
        await server.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(60), cancel);
        var idle = await server.SampleAsync(collect: true, cancel);
        var browsers = new List<SimulatedBrowser>();
        for (var i = 0; i < circuits; i++)
        {
            browsers.Add(await open(i));
        }

        var loaded = await server.SampleAsync(collect: true, cancel);
        Assert.Equal(circuits, loaded.OpenCircuits);
        foreach (var browser in browsers)
        {
            await browser.DisposeAsync();
        }

        await server.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(60), cancel);
        return new Measured(idle, (double)(loaded.ManagedHeapBytes - idle.ManagedHeapBytes) / circuits, (double)(loaded.WorkingSetBytes - idle.WorkingSetBytes) / circuits);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Measured(LoadSample Idle, double HeapPerCircuit, double WorkingSetPerCircuit);
}
