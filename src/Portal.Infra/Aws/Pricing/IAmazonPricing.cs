namespace Portal.Infra.Aws.Pricing;

/// <summary>The Price List API operations the portal uses, shaped like the SDK's <c>IAmazonPricing</c>.</summary>
public interface IAmazonPricing
{
    Task<GetProductsResponse> GetProductsAsync(GetProductsRequest request, CancellationToken cancellationToken = default);

    Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default);
}
