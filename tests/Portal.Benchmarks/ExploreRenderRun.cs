using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;

namespace Portal.Benchmarks;

/// <summary>How long the explore page takes to render on the server, and how big its HTML is, for one catalogue.</summary>
internal sealed record ExploreRenderResult(string Label, int Datasets, double P50Ms, double P95Ms, int HtmlBytes);

/// <summary>
/// Issue 10 (the factory names a type of Portal.Web: "Program" here is the benchmark's own): the explore page's server render (a signed-in GET of "/", prerendered HTML) with the full registry against
/// the same page with the two datasets the portal first shipped (ERA5 and CMIP6). The real app in-process (sandbox
/// cloud, SQLite in a temporary folder), the catalogue swapped between runs; 10 warm-up requests, then 60 timed.
/// </summary>
internal static partial class ExploreRenderRun
{
    private const int WarmUp = 10;
    private const int Timed = 60;

    public static async Task<IReadOnlyList<ExploreRenderResult>> RunAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-bench-explore-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        try
        {
            await using var portal = new WebApplicationFactory<Portal.Web.Components.Datasets.DatasetSearchCache>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                // Outside a test project the factory cannot find the app's folder by itself.
                builder.UseContentRoot(Path.Combine(RepositoryRoot.Find(), "src", "Portal.Web"));
                builder.UseSetting("Storage:DataDirectory", data);
                builder.UseSetting("Sandbox:Compute", "Simulated");
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = true });
            await SignInAsync(client, cancellationToken);

            var catalog = portal.Services.GetRequiredService<DatasetCatalog>();
            var full = catalog.All;
            var two = full.Where(d => d.Id == DatasetCatalog.Era5 || d.Id == DatasetCatalog.Cmip6).ToList();

            catalog.Replace(two);
            var baseline = await MeasureAsync(client, "Two datasets (ERA5, CMIP6)", two.Count, cancellationToken);
            catalog.Replace(full);
            var registry = await MeasureAsync(client, "Full registry", full.Count, cancellationToken);
            return [baseline, registry];
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping host: the temp folder is cleaned by the system.
            }
        }
    }

    public static string Report(IReadOnlyList<ExploreRenderResult> results)
    {
        var baseline = results[0];
        var full = results[^1];
        var ratio = full.P50Ms / baseline.P50Ms;
        var text = new StringBuilder();
        text.AppendLine("## Explore page: server render with the full catalogue").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"A signed-in GET of `/` on the real app in-process (sandbox, SQLite); {WarmUp} warm-up requests, then {Timed} timed, per catalogue.").AppendLine();
        text.AppendLine("| Catalogue | Datasets | p50 (ms) | p95 (ms) | HTML (bytes) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Label} | {r.Datasets:N0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.HtmlBytes:N0} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Render time, full registry against two datasets (p50): {ratio:0.00}x; HTML size: {(double)full.HtmlBytes / baseline.HtmlBytes:0.00}x.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal (no more than 2x slower): {(ratio <= 2 ? "met" : "not met")}.");
        return text.ToString();
    }

    private static async Task<ExploreRenderResult> MeasureAsync(HttpClient client, string label, int datasets, CancellationToken cancellationToken)
    {
        var times = new List<double>(Timed);
        var bytes = 0;
        for (var i = 0; i < WarmUp + Timed; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("data-testid=\"dataset-browser\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The explore page did not render ({(int)response.StatusCode}).");
            }

            if (i >= WarmUp)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = Encoding.UTF8.GetByteCount(html);
            }
        }

        times.Sort();
        return new ExploreRenderResult(label, datasets, Percentile(times, 0.50), Percentile(times, 0.95), bytes);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task SignInAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = TokenField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["ReturnUrl"] = "/",
            ["UserName"] = "bench",
            ["Role"] = "User",
        });
        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
