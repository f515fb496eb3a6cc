using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Portal.Benchmarks.Catalogue;

/// <summary>One titled part of the report, its body already Markdown.</summary>
internal sealed record ReportSection(string Title, string Body);

/// <summary>
/// The catalogue benchmark's report (<c>artifacts/benchmarks/catalogue.md</c>): a header with the machine and the
/// date, then sections in the order they were added. Other measurements (the Explore page render, say) append their
/// own section with <see cref="Add"/>; see <c>CatalogueBenchmark.AddExplorePageRender</c>.
/// </summary>
internal sealed class CatalogueReport(DateTimeOffset date)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly List<ReportSection> _sections = [];

    public IReadOnlyList<ReportSection> Sections => _sections;

    private readonly string _startLoad = LoadAverage();

    public void Add(string title, string body) => _sections.Add(new ReportSection(title, body));

    /// <summary>The first three fields of /proc/loadavg, or "unknown" where there is none.</summary>
    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Store catalogue: load and facet queries");
        md.AppendLine();
        md.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine(Invariant, $"- Load average (1, 5, 15 min) at the start: {_startLoad} (above {Environment.ProcessorCount}, other processes were competing for the processors)");
        md.AppendLine(Invariant, $"- Machine: {Environment.ProcessorCount} processors, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB memory available; {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        md.AppendLine(Invariant, $"- Load average at the end: {LoadAverage()}");
        foreach (var section in _sections)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"## {section.Title}");
            md.AppendLine();
            md.AppendLine(section.Body.TrimEnd());
        }

        return md.ToString();
    }
}
