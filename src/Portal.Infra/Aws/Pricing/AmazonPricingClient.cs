using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.Pricing;

/// <summary>The Price List API over JSON 1.1 (its endpoints are in us-east-1, eu-central-1 and ap-south-1).</summary>
internal sealed class AmazonPricingClient(AwsJsonTransport transport) : IAmazonPricing
{
    public Task<GetProductsResponse> GetProductsAsync(GetProductsRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<GetProductsRequest, GetProductsResponse>("GetProducts", request, cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", request, cancellationToken);
}
