using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.Pricing;

public sealed class Filter
{
    /// <summary>TERM_MATCH, EQUALS, CONTAINS, ANY_OF or NONE_OF.</summary>
    public string? Type { get; set; }

    public string? Field { get; set; }

    public string? Value { get; set; }
}

public sealed class GetProductsRequest
{
    public string? ServiceCode { get; set; }

    public IReadOnlyList<Filter>? Filters { get; set; }

    public string? FormatVersion { get; set; }

    public string? NextToken { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }
}

public sealed class GetProductsResponse : AmazonWebServiceResponse
{
    public string? FormatVersion { get; set; }

    /// <summary>Each item is one product with its terms, as a JSON document in a string.</summary>
    public IReadOnlyList<string>? PriceList { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeServicesRequest
{
    public string? ServiceCode { get; set; }

    public string? FormatVersion { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

public sealed class DescribeServicesResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<Service>? Services { get; set; }

    public string? FormatVersion { get; set; }

    public string? NextToken { get; set; }
}

public sealed class Service
{
    public string? ServiceCode { get; set; }

    public IReadOnlyList<string>? AttributeNames { get; set; }
}
