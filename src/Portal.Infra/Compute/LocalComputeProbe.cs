using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portal.Infra.Compute;

/// <summary>
/// Asks the local processes whether they serve: the scheduler's HTTP server (<c>/json/identity.json</c> lists its workers
/// and their resources) and Jupyter's <c>/api/status</c>. Loopback only, short timeouts; a process that does not answer yet
/// is simply not ready.
/// </summary>
internal sealed class LocalComputeProbe(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "Portal.LocalCompute";

    public async Task<(bool Ready, string Progress)> SchedulerAnswersAsync(LocalSessionFolder folder, CancellationToken cancellationToken)
    {
        var identity = await IdentityAsync(folder, cancellationToken);
        return identity is null
            ? (false, "the scheduler is starting")
            : (true, "the scheduler answers at " + folder.ReadSchedulerFile()?.Address);
    }

    /// <summary>How many connected workers advertise <paramref name="pool"/>; 0 while the scheduler does not answer.</summary>
    public async Task<int> WorkersInPoolAsync(LocalSessionFolder folder, string pool, CancellationToken cancellationToken)
    {
        using var identity = await IdentityAsync(folder, cancellationToken);
        if (identity is null || !identity.RootElement.TryGetProperty("workers", out var workers) || workers.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        return workers.EnumerateObject().Count(worker =>
            worker.Value.TryGetProperty("resources", out var resources)
            && resources.ValueKind == JsonValueKind.Object
            && resources.TryGetProperty(pool, out var amount)
            && amount.TryGetDouble(out var value) && value > 0);
    }

    public async Task<(bool Ready, string Progress)> JupyterAnswersAsync(LocalSessionFolder folder, string step, CancellationToken cancellationToken)
    {
        if (JupyterFiles.Port(folder, step) is not { } port)
        {
            return (false, "Jupyter is starting");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/api/status"));
        request.Headers.Authorization = new AuthenticationHeaderValue("token", folder.Secret(JupyterFiles.TokenName));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? (true, "Jupyter answers") : (false, $"Jupyter answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, "Jupyter is starting");
        }
    }

    /// <summary>The dashboard's address, once the scheduler has written its file.</summary>
    public static Uri? DashboardUri(LocalSessionFolder folder, bool hasBokeh) =>
        folder.ReadSchedulerFile() is { DashboardPort: { } port }
            // Without bokeh (Debian packages none) the dashboard's plots are missing; its workers page is plain HTML.
            ? new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{(hasBokeh ? "status" : "info/main/workers.html")}")
            : null;

    private async Task<JsonDocument?> IdentityAsync(LocalSessionFolder folder, CancellationToken cancellationToken)
    {
        if (folder.ReadSchedulerFile() is not { DashboardPort: { } port })
        {
            return null;
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/json/identity.json"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
