using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Cli.Configuration;

namespace Portal.Cli.Api;

/// <summary>
/// The portal's <c>/api/v1</c> over HTTP with a bearer token. Answers come back as JSON as the API wrote them (so
/// <c>--json</c> prints the API's own field names); anything but a success becomes a <see cref="CliFailure"/> with the
/// exit code for its status and the API's problem details. The token goes in the Authorization header and nowhere else.
/// </summary>
internal sealed class PortalApi : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public PortalApi(Login login)
    {
        Portal = login.Url;
        _http = new HttpClient { BaseAddress = new Uri(login.Url, "api/v1/"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // The audit log records the user agent of every launch, stop and extend.
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("portal-cli", typeof(PortalApi).Assembly.GetName().Version?.ToString(3) ?? "1.0"));
    }

    /// <summary>The portal's address (not the API's).</summary>
    public Uri Portal { get; }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }, options: Json) }, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Parse(text) ?? default;
                }

                throw ApiProblem.ToFailure((int)response.StatusCode, Parse(text), response.Headers.RetryAfter, Portal);
            }
            catch (HttpRequestException ex)
            {
                throw new CliFailure(ExitCodes.Unavailable, $"Could not reach the portal at {Portal}: {ex.Message.TrimEnd('.')}. Check the address ('portal login --url') and that the portal runs.");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliFailure(ExitCodes.Unavailable, $"The portal at {Portal} did not answer within {_http.Timeout.TotalSeconds:0} seconds: try again later.");
            }
        }
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
