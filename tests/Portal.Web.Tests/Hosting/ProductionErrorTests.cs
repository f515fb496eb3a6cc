using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary>Issue 14, item 7: in Production (the container image) an error response never carries exception details.</summary>
public sealed class ProductionErrorTests
{
    private const string Secret = "connection string Password=hunter2 at Portal.Infra.Secret.Method()";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_production_an_unexpected_api_error_answers_500_without_the_exceptions_text_or_stack()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["environment"] = "Production" });
        await using var failing = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<ISessionReports, FailingReports>()));
        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "any-token");

        using var response = await client.GetAsync(new Uri($"/api/v1/sessions/{SessionId.New()}/cost", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.Infra", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    private sealed class FailingReports : ISessionReports
    {
        public Task<Session?> FindWithTokenAsync(SessionId id, string token, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<bool> ReportActivityAsync(SessionId id, string token, ActivitySource source, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<LocalityReportResult> ReportLocalityAsync(SessionId id, string token, DataLocality locality, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
