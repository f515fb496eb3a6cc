using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.FSx;
using Portal.Infra.Aws.Pricing;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Aws.ServiceQuotas;

namespace Portal.Infra.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the AWS provider: <see cref="IStackDeployer"/>, <see cref="INotebookService"/>,
    /// <see cref="IServiceQuotaSource"/>, <see cref="ICloudAccount"/> and the per-service clients
    /// (<see cref="IAwsClientFactory{TClient}"/> of <see cref="IAmazonCloudFormation"/>, <see cref="IAmazonSageMaker"/>,
    /// <see cref="IAmazonFSx"/>, <see cref="IAmazonPricing"/>, <see cref="IAmazonServiceQuotas"/>), with the
    /// <see cref="AwsOptions"/> of section <c>Aws</c> validated at start.
    /// </summary>
    /// <remarks>
    /// Credentials come from the SDK's default chain unless an <see cref="AWSCredentials"/> is registered first; the
    /// retry clock and <see cref="TimeProvider"/> likewise (tests register their own before calling this).
    /// </remarks>
    public static IServiceCollection AddAwsCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Checked while the app is composed too, so a missing key stops the portal with its name before anything starts
        // (a failure during start races the host's own disposal and can surface as "object disposed" instead).
        var configured = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
        var check = new DataAnnotationValidateOptions<AwsOptions>(Options.DefaultName).Validate(Options.DefaultName, configured);
        if (check.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AwsOptions), check.Failures);
        }

        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AWSCredentials, DefaultChainCredentials>();
        services.TryAddSingleton<IRetryClock>(sp => new SystemRetryClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RetryQuotas>();
        services.TryAddSingleton(sp => new AwsEndpointResolver(
            sp.GetRequiredService<IOptions<AwsOptions>>(), Environment.GetEnvironmentVariable));

        foreach (var service in AwsService.All.Where(s => s != AwsService.Sts))
        {
            AddServiceHttpClient(services, service);
        }

        AddClientFactory<IAmazonCloudFormation>(services, AwsService.CloudFormation,
            (http, service, endpoint, region) => new AmazonCloudFormationClient(new AwsQueryTransport(http, service, endpoint, region)));
        AddClientFactory<IAmazonSageMaker>(services, AwsService.SageMaker,
            (http, service, endpoint, region) => new AmazonSageMakerClient(new AwsJsonTransport(http, service, endpoint, region)));
        AddClientFactory<IAmazonFSx>(services, AwsService.FSx,
            (http, service, endpoint, region) => new AmazonFSxClient(new AwsJsonTransport(http, service, endpoint, region)));
        AddClientFactory<IAmazonPricing>(services, AwsService.Pricing,
            (http, service, endpoint, region) => new AmazonPricingClient(new AwsJsonTransport(http, service, endpoint, region)));
        AddClientFactory<IAmazonServiceQuotas>(services, AwsService.ServiceQuotas,
            (http, service, endpoint, region) => new AmazonServiceQuotasClient(new AwsJsonTransport(http, service, endpoint, region)));

        services.AddSingleton<IStackDeployer, AwsStackDeployer>();
        services.AddSingleton<INotebookService, AwsNotebookService>();
        services.AddSingleton<IServiceQuotaSource, AwsServiceQuotaSource>();
        services.AddSingleton<ICloudAccount, AwsCloudAccount>();
        services.AddSingleton<IDataRepositoryAssociations, FsxDataRepositoryAssociations>();
        services.TryAddSingleton(new CloudInfo("Aws", IsSandbox: false));
        return services;
    }

    private static void AddServiceHttpClient(IServiceCollection services, AwsService service)
    {
        services.AddHttpClient(service.HttpClientName, http =>
            {
                // Each attempt has its own timeout (Aws:Retry:AttemptTimeoutSeconds); the caller's token bounds the whole call.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Required by SigV4SigningHandler: a redirect followed below the signer would go out unsigned.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new AwsRetryHandler(
                sp.GetRequiredService<IOptions<AwsOptions>>().Value.Retry.ToSettings(),
                sp.GetRequiredService<RetryQuotas>().For(service),
                sp.GetRequiredService<IRetryClock>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AwsRetryHandler>>()))
            .AddHttpMessageHandler(sp => new AwsLoggingHandler(
                sp.GetRequiredService<ILogger<AwsLoggingHandler>>(), sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new AwsSigningHandler(sp.GetRequiredService<AWSCredentials>()))
            .RedactLoggedHeaders(_ => true);
    }

    private static void AddClientFactory<TClient>(
        IServiceCollection services, AwsService service, Func<HttpClient, AwsService, Uri, string, TClient> create)
    {
        services.TryAddSingleton<IAwsClientFactory<TClient>>(sp => new AwsClientFactory<TClient>(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<AwsEndpointResolver>(), service, create));
    }
}
