using Microsoft.Extensions.Options;
using Portal.Domain.Regions;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Finds the URL to call for a service in a region. First match wins: configuration
/// (<c>Aws:Endpoints:&lt;Service&gt;</c>), <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>,
/// then the standard regional endpoint. <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the two variables off,
/// as it does for the AWS CLI and SDKs.
/// </summary>
public sealed class AwsEndpointResolver
{
    private readonly IOptions<AwsOptions> _options;
    private readonly Func<string, string?> _environment;

    public AwsEndpointResolver(IOptions<AwsOptions> options, Func<string, string?> environment)
    {
        _options = options;
        _environment = environment;
    }

    public Uri Resolve(AwsService service, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_options.Value.Endpoints.TryGetValue(service.Name, out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured, $"Aws:Endpoints:{service.Name}");
        }

        if (!string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var specificName = "AWS_ENDPOINT_URL_" + service.EnvironmentSuffix;
            var specific = _environment(specificName);
            if (!string.IsNullOrWhiteSpace(specific))
            {
                return Parse(specific, specificName);
            }

            var global = _environment("AWS_ENDPOINT_URL");
            if (!string.IsNullOrWhiteSpace(global))
            {
                return Parse(global, "AWS_ENDPOINT_URL");
            }
        }

        var suffix = region.Value.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region.Value}.{suffix}/");
    }

    private static Uri Parse(string value, string source)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{source} must be an absolute http(s) URL; it is '{value}'.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }
}
