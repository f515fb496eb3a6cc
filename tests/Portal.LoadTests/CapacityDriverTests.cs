using System.Globalization;
using System.Text.RegularExpressions;
using Portal.LoadTests.Driver;

namespace Portal.LoadTests;

/// <summary>
/// The capacity driver tested on itself at a small level (CI): real circuits come up, every interaction returns a new
/// total that follows the worker count, the server's figures are plausible, and the results file says so.
/// </summary>
public sealed partial class CapacityDriverTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_circuits_interact_and_the_results_file_has_plausible_figures()
    {
        var settings = new CapacitySettings
        {
            Levels = [40, 100],
            InteractionInterval = TimeSpan.FromSeconds(3),
            MeasureWindow = TimeSpan.FromSeconds(9),
            RetentionPeriod = TimeSpan.FromSeconds(3),
            WarmUpCircuits = 2,
            // CI machines are slower and shared: only a broken driver or portal stops this run early.
            P95LimitMs = 10_000,
            MaxDuration = TimeSpan.FromMinutes(2),
        };

        var result = await CapacityRun.RunAsync(settings, line => TestContext.Current.SendDiagnosticMessage(line), Cancel);
        var report = CapacityReport.Write(result);
        var output = Path.Combine(RepositoryRoot.Find(), "artifacts", "load", "capacity-ci.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report, Cancel);

        Assert.Equal("every level ran", result.StopReason);
        Assert.Equal([40, 100], result.Levels.Select(l => l.Circuits));
        foreach (var level in result.Levels)
        {
            Assert.Equal(0, level.Failures);
            Assert.Equal(0, level.OpenFailures);
            Assert.Equal(level.Circuits, level.Server.OpenCircuits);
            // Three interactions per circuit in the window (3 s pace over 9 s), give or take the random phase.
            Assert.InRange(level.Interactions, level.Circuits * 2, level.Circuits * 3);
            Assert.True(level.P50Ms > 0);
            Assert.True(level.P95Ms >= level.P50Ms && level.P99Ms >= level.P95Ms);
            Assert.True(level.ServerCpuPercent > 0);
            Assert.True(level.HeapPerCircuitBytes > 10 * 1024, $"heap per circuit {level.HeapPerCircuitBytes:0} bytes");
        }

        Assert.True(result.Idle.ManagedHeapBytes > 0 && result.Idle.WorkingSetBytes > result.Idle.ManagedHeapBytes);
        Assert.True(result.Levels[^1].Server.ManagedHeapBytes > result.Idle.ManagedHeapBytes);
        Assert.Equal(0, result.AfterClose.OpenCircuits);
        Assert.True(result.AfterClose.ManagedHeapBytes < result.Levels[^1].Server.ManagedHeapBytes);
        // A hundred circuits gone: the portal gave the memory back by itself, and the working set fell with it.
        Assert.True(result.AfterClose.MemoryTrims > result.Levels[^1].Server.MemoryTrims, "the portal did not trim its memory after the circuits closed");
        Assert.Equal(0, result.AfterClose.LastTrimOpenCircuits);
        Assert.True(result.AfterClose.WorkingSetBytes < result.Levels[^1].Server.WorkingSetBytes,
            $"working set {result.AfterClose.WorkingSetBytes / 1048576} MB after close, {result.Levels[^1].Server.WorkingSetBytes / 1048576} MB at 100 circuits");

        var written = await File.ReadAllTextAsync(output, Cancel);
        Assert.Contains($"on {Environment.ProcessorCount} cores", written, StringComparison.Ordinal);
        Assert.Matches(LevelRow(), written);
    }

    [Fact]
    public async Task More_workers_show_a_higher_total()
    {
        await using var server = await PortalServer.StartAsync(new Dictionary<string, string>(), Cancel);
        await using var browser = await SimulatedBrowser.OpenAsync(server.BaseAddress, "load-cost", Cancel);

        var four = await browser.ChangeWorkersAsync(4, Cancel);
        var eight = await browser.ChangeWorkersAsync(8, Cancel);

        Assert.NotEqual(four.TotalBefore, four.TotalAfter);
        Assert.Equal(four.TotalAfter, eight.TotalBefore);
        Assert.True(Money(eight.TotalAfter) > Money(four.TotalAfter), $"{eight.TotalAfter} after {four.TotalAfter}");
        Assert.True(Money(four.TotalAfter) > Money(four.TotalBefore!), $"{four.TotalAfter} after {four.TotalBefore}");
    }

    private static decimal Money(string text) =>
        decimal.Parse(MoneyText().Match(text).Value, NumberStyles.Number, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\d,]+(\.\d+)?")]
    private static partial Regex MoneyText();

    [GeneratedRegex(@"\| 100 \| \d+ \| 0 \| \d+ \| 0 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|")]
    private static partial Regex LevelRow();
}
