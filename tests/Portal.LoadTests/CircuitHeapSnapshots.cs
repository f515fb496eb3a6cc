using System.Diagnostics;
using System.Globalization;
using Portal.LoadTests.Driver;

namespace Portal.LoadTests;

/// <summary>
/// What a circuit holds, by type: a <c>dotnet-gcdump</c> of the portal at 0 circuits and at <c>PORTAL_SNAPSHOT_CIRCUITS</c>
/// (default 30) circuits that each searched, selected ERA5 and changed the workers, and once they all closed, with the
/// three reports written to artifacts/load/ (diff them by type). Explicit, and needs the tool: <c>PORTAL_GCDUMP</c> names the dotnet-gcdump
/// executable (default: <c>dotnet-gcdump</c> on the PATH) —
/// <c>dotnet test tests/Portal.LoadTests -c Release -- --filter-method "*Heap_snapshots*" --explicit only</c>.
/// </summary>
public sealed class CircuitHeapSnapshots
{
    [Fact(Explicit = true, Timeout = 900_000)]
    public async Task Heap_snapshots_at_zero_and_n_circuits()
    {
        var cancel = TestContext.Current.CancellationToken;
        var circuits = int.Parse(Environment.GetEnvironmentVariable("PORTAL_SNAPSHOT_CIRCUITS") ?? "30", CultureInfo.InvariantCulture);
        var tool = Environment.GetEnvironmentVariable("PORTAL_GCDUMP") ?? "dotnet-gcdump";
        var folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "load");
        Directory.CreateDirectory(folder);
        await using var server = await PortalServer.StartAsync(
            new Dictionary<string, string> { ["Circuits__DisconnectedCircuitRetentionPeriod"] = "00:00:02" }, cancel);

        var warm = await SimulatedBrowser.OpenAsync(server.BaseAddress, "snapshot-warm", cancel);
        await warm.ChangeWorkersAsync(3, cancel);
        await warm.DisposeAsync();
        await server.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(30), cancel);
        var idle = await server.SampleAsync(collect: true, cancel);
        await ReportAsync(tool, server.ProcessId, Path.Combine(folder, "heap-0.txt"), cancel);

        var browsers = new List<SimulatedBrowser>();
        for (var i = 0; i < circuits; i++)
        {
            var browser = await SimulatedBrowser.OpenAsync(server.BaseAddress, $"snapshot-{i}", cancel);
            await browser.ChangeWorkersAsync(3 + (i % 2), cancel);
            browsers.Add(browser);
        }

        var loaded = await server.SampleAsync(collect: true, cancel);
        await ReportAsync(tool, server.ProcessId, Path.Combine(folder, $"heap-{circuits}.txt"), cancel);
        TestContext.Current.SendDiagnosticMessage(
            $"heap per circuit {(loaded.ManagedHeapBytes - idle.ManagedHeapBytes) / 1024.0 / circuits:0} KB, "
            + $"working set per circuit {(loaded.WorkingSetBytes - idle.WorkingSetBytes) / 1024.0 / circuits:0} KB");
        foreach (var browser in browsers)
        {
            await browser.DisposeAsync();
        }

        var closed = await server.WaitForCircuitsAsync(0, TimeSpan.FromSeconds(60), cancel);
        var after = await server.SampleAsync(collect: true, cancel);
        await ReportAsync(tool, server.ProcessId, Path.Combine(folder, "heap-closed.txt"), cancel);
        TestContext.Current.SendDiagnosticMessage(
            $"after close: heap {(after.ManagedHeapBytes - idle.ManagedHeapBytes) / 1024.0:0} KB over idle, working set {(after.WorkingSetBytes - idle.WorkingSetBytes) / 1024.0:0} KB over idle");

        Assert.Equal(circuits, loaded.OpenCircuits);
        Assert.Equal(0, closed.OpenCircuits);
    }

    private static async Task ReportAsync(string tool, int processId, string output, CancellationToken cancel)
    {
        var dump = Path.ChangeExtension(output, ".gcdump");
        await RunAsync(tool, cancel, "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", dump);
        await File.WriteAllTextAsync(output, await RunAsync(tool, cancel, "report", dump), cancel);
    }

    private static async Task<string> RunAsync(string tool, CancellationToken cancel, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{tool} did not start ({ex.Message}): install it (dotnet tool install --tool-path <dir> dotnet-gcdump) and name it with PORTAL_GCDUMP=<dir>/dotnet-gcdump.", ex);
        }

        using var process = started ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var error = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
