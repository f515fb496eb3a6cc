using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Tests.Aws.Support;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Pricing;

/// <summary>The portal on the AWS provider with live prices, its Price List endpoint a local <see cref="FakePriceListApi"/>.</summary>
internal sealed class PricingTestHost : IAsyncDisposable
{
    private PricingTestHost(LocalHttpServer server, FakePriceListApi api, RecordingRetryClock retries)
    {
        Server = server;
        Api = api;
        Retries = retries;
    }

    public LocalHttpServer Server { get; }

    public FakePriceListApi Api { get; }

    public RecordingRetryClock Retries { get; }

    public InfraTestHost? Host { get; set; }

    public static async Task<PricingTestHost> StartAsync(TestProvider provider, FakePriceListApi api, CancellationToken cancellationToken, IDictionary<string, string?>? settings = null)
    {
        var server = await LocalHttpServer.StartAsync(api.Answer, cancellationToken);
        var retries = new RecordingRetryClock();
        var testHost = new PricingTestHost(server, api, retries);
        try
        {
            testHost.Host = await InfraTestHost.CreateAsync(cancellationToken, Settings(server.Endpoint, settings), services =>
            {
                services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(ExternalTools.AccessKey, ExternalTools.SecretKey));
                services.AddSingleton<IRetryClock>(retries);
            }, provider: provider);
            return testHost;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string?> Settings(Uri endpoint, IDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Cloud:Provider"] = "Aws",
            ["Aws:HomeRegion"] = "eu-west-2",
            ["Aws:TemplatesBaseUrl"] = "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1",
            ["Aws:Notebook:RoleArn"] = "arn:aws:iam::123456789012:role/PortalNotebook",
            ["Aws:Endpoints:Pricing"] = endpoint.ToString(),
            ["Pricing:RequestDelay"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
