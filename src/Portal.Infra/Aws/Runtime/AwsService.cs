namespace Portal.Infra.Aws.Runtime;

/// <summary>What the portal needs to know about one AWS service to reach it: names, protocol, endpoint.</summary>
/// <param name="Name">The name used in configuration (<c>Aws:Endpoints:&lt;Name&gt;</c>) and logs.</param>
/// <param name="EndpointPrefix">The host prefix of the standard regional endpoint.</param>
/// <param name="SigningName">The SigV4 service name.</param>
/// <param name="EnvironmentSuffix">The suffix of the standard <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable.</param>
/// <param name="ApiVersion">The query protocol's <c>Version</c>, or the JSON protocol's date.</param>
/// <param name="TargetPrefix">The JSON 1.1 <c>X-Amz-Target</c> prefix; null for the query protocol.</param>
public sealed record AwsService(
    string Name,
    string EndpointPrefix,
    string SigningName,
    string EnvironmentSuffix,
    string ApiVersion,
    string? TargetPrefix)
{
    public static readonly AwsService CloudFormation =
        new("CloudFormation", "cloudformation", "cloudformation", "CLOUDFORMATION", "2010-05-15", null);

    public static readonly AwsService SageMaker =
        new("SageMaker", "api.sagemaker", "sagemaker", "SAGEMAKER", "2017-07-24", "SageMaker");

    public static readonly AwsService FSx =
        new("FSx", "fsx", "fsx", "FSX", "2018-03-01", "AWSSimbaAPIService_v20180301");

    public static readonly AwsService Pricing =
        new("Pricing", "api.pricing", "pricing", "PRICING", "2017-10-15", "AWSPriceListService");

    public static readonly AwsService ServiceQuotas =
        new("ServiceQuotas", "servicequotas", "servicequotas", "SERVICE_QUOTAS", "2019-06-24", "ServiceQuotasV20190624");

    public static readonly AwsService Sts =
        new("Sts", "sts", "sts", "STS", "2011-06-15", null);

    public static IReadOnlyList<AwsService> All { get; } = [CloudFormation, SageMaker, FSx, Pricing, ServiceQuotas, Sts];

    /// <summary>The name of the named <see cref="HttpClient"/> that carries this service's calls.</summary>
    public string HttpClientName => "Portal.Aws." + Name;
}
