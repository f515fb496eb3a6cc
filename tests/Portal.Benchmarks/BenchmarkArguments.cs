using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>
/// The command line: <c>--sessions N</c> (default 20), <c>--real-compute</c> for the real-compute benchmark, or
/// <c>--catalogue [--rows N]</c> for the store catalogue benchmark (default 500,000 stores), or <c>--estimate</c> for
/// the cost estimate's recompute.
/// </summary>
internal sealed record BenchmarkArguments(int Sessions, bool RealCompute = false, int? CatalogueRows = null, bool Estimate = false)
{
    public const int DefaultSessions = 20;

    public const int DefaultCatalogueRows = 500_000;

    private const int MaximumSessions = 500;
    private const int MinimumCatalogueRows = 1_000;
    private const int MaximumCatalogueRows = 10_000_000;

    private static readonly string Usage =
        $"Usage: Portal.Benchmarks [--sessions N] (default {DefaultSessions}) | --real-compute | --catalogue [--rows N] (default {DefaultCatalogueRows}) | --estimate.";

    /// <summary>The arguments, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static BenchmarkArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var sessions = DefaultSessions;
        if (args is ["--real-compute"])
        {
            problem = null;
            return new BenchmarkArguments(sessions, RealCompute: true);
        }

        if (args is ["--estimate"])
        {
            problem = null;
            return new BenchmarkArguments(sessions, Estimate: true);
        }

        if (args is ["--catalogue", ..])
        {
            var rows = DefaultCatalogueRows;
            if (args.Count != 1
                && (args.Count != 3 || args[1] is not "--rows"
                    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out rows)
                    || rows is < MinimumCatalogueRows or > MaximumCatalogueRows))
            {
                problem = $"--catalogue takes only --rows N, a whole number from {MinimumCatalogueRows} to {MaximumCatalogueRows}. {Usage}";
                return null;
            }

            problem = null;
            return new BenchmarkArguments(sessions, CatalogueRows: rows);
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not "--sessions")
            {
                problem = $"Unexpected argument '{args[i]}'. {Usage}";
                return null;
            }

            if (i + 1 >= args.Count
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out sessions)
                || sessions is < 1 or > MaximumSessions)
            {
                problem = $"--sessions needs a whole number from 1 to {MaximumSessions}. {Usage}";
                return null;
            }

            i++;
        }

        problem = null;
        return new BenchmarkArguments(sessions);
    }
}
