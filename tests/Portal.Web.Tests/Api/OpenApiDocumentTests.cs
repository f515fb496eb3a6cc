using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Api;

/// <summary>
/// /api/v1/openapi.json: a valid OpenAPI document (checked by openapi-spec-validator, run as a process: a missing
/// validator fails the test), naming exactly the routes the portal maps under /api/v1.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private const string DocumentPath = "/api/v1/openapi.json";
    private readonly WebHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> DocumentAsync()
    {
        using var client = ApiCallers.Anonymous(_host);
        using var response = await client.GetAsync(DocumentPath, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task The_document_is_served_without_sign_in_and_passes_openapi_spec_validator()
    {
        var path = Path.Combine(_host.DataDirectory, "openapi.json");
        Directory.CreateDirectory(_host.DataDirectory);
        await File.WriteAllTextAsync(path, await DocumentAsync(), Ct);

        var start = new ProcessStartInfo("python3", ["-m", "openapi_spec_validator", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var validator = Process.Start(start)!;
        var output = await validator.StandardOutput.ReadToEndAsync(Ct) + await validator.StandardError.ReadToEndAsync(Ct);
        await validator.WaitForExitAsync(Ct);

        Assert.True(validator.ExitCode == 0, $"openapi-spec-validator refused the document:\n{output}");
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_names_every_route_mapped_under_api_v1_and_no_other()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var mapped = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && e.RoutePattern.RawText != DocumentPath)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, documented);
    }
}
