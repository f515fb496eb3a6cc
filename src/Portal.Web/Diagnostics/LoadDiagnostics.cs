using System.Diagnostics;
using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.Web.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/load[?collect=true]</c> (issue 16), mapped only when <c>LoadDiagnostics:Enabled</c> is true and
/// answered only to loopback callers (404 to others, as if it did not exist). It names no user and holds no secret.
/// </summary>
internal static class LoadDiagnostics
{
    public const string Path = "/_diagnostics/load";

    public static IServiceCollection AddLoadDiagnostics(this IServiceCollection services)
    {
        services.AddOptions<LoadDiagnosticsOptions>().BindConfiguration(LoadDiagnosticsOptions.SectionName);
        services.TryAddSingleton<CircuitCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCountingHandler>());
        return services;
    }

    public static IEndpointRouteBuilder MapLoadDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<LoadDiagnosticsOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet(Path, (HttpContext context, CircuitCounter circuits, Hosting.MemoryTrimService trims, bool? collect) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }

            return Results.Ok(Sample(circuits, trims, collect == true));
        }).AllowAnonymous();
        return endpoints;
    }

    internal static LoadSample Sample(CircuitCounter circuits, Hosting.MemoryTrimService trims, bool collect)
    {
        if (collect)
        {
            // What the circuits keep alive, not what they left for the collector: compact the large object heap too.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using var process = Process.GetCurrentProcess();
        return new LoadSample(
            GC.GetTotalMemory(forceFullCollection: false),
            process.WorkingSet64,
            process.TotalProcessorTime.TotalSeconds,
            Environment.ProcessorCount,
            circuits.Open,
            circuits.Connected,
            Collector(),
            trims.Trims,
            trims.LastTrimMilliseconds,
            trims.LastTrimOpenCircuits);
    }

    /// <summary>The collector the runtime chose (it decides memory per circuit as much as the code does).</summary>
    internal static string Collector()
    {
        var settings = GC.GetConfigurationVariables();
        string Read(string name) => settings.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";
        var parts = new List<string> { GCSettings.IsServerGC ? "Server GC" : "Workstation GC" };
        if (GCSettings.IsServerGC)
        {
            parts.Add(Read("GCDynamicAdaptationMode") == "1" ? "DATAS" : "no DATAS");
            parts.Add($"{Read("HeapCount")} heaps");
        }

        parts.Add(Read("ConcurrentGC") == "True" ? "concurrent" : "not concurrent");
        parts.Add($"conserve {Read("GCConserveMem")}");
        return string.Join(", ", parts);
    }
}
