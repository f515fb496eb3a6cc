using System.Text.Json.Nodes;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Pricing;

/// <summary>
/// A local Price List endpoint speaking the real wire format: it accepts only <c>AWSPriceListService.GetProducts</c> in
/// JSON 1.1, answers the products of the asked service whose attributes match every TERM_MATCH filter, and pages them
/// (<see cref="PageSize"/> a page, whatever MaxResults asks, as the API may) with an opaque NextToken.
/// </summary>
internal sealed class FakePriceListApi
{
    private readonly List<(string Service, Dictionary<string, string> Attributes, string Document)> _products = [];

    public int PageSize { get; set; } = 2;

    /// <summary>When set, every call is answered with this instead (a 500, a throttle).</summary>
    public CannedResponse? Failure { get; set; }

    /// <summary>Requests that were not a well-formed GetProducts (wrong target, content type, or body).</summary>
    public List<string> Refused { get; } = [];

    public void Add(string service, string productFamily, string sku, string unit, decimal usd, params (string Name, string Value)[] attributes) =>
        AddDocument(service, attributes, PriceListDocuments.Flat(service, productFamily, sku, attributes.ToDictionary(a => a.Name, a => a.Value), unit, usd));

    public void AddDocument(string service, (string Name, string Value)[] attributes, string document) =>
        _products.Add((service, attributes.ToDictionary(a => a.Name, a => a.Value), document));

    public CannedResponse Answer(CapturedRequest request)
    {
        if (Failure is { } failure)
        {
            return failure;
        }

        var body = request.Method == "POST" ? JsonNode.Parse(request.BodyText) as JsonObject : null;
        if (request.Header("X-Amz-Target") != "AWSPriceListService.GetProducts"
            || request.Header("Content-Type") != "application/x-amz-json-1.1"
            || body?["ServiceCode"] is null
            || body["FormatVersion"]?.GetValue<string>() != "aws_v1")
        {
            Refused.Add($"{request.Header("X-Amz-Target")} {request.BodyText}");
            return Error(400, "InvalidParameterException", "Input provided is invalid");
        }

        var service = body["ServiceCode"]!.GetValue<string>();
        var filters = (body["Filters"] as JsonArray ?? [])
            .Select(f => (Type: f!["Type"]!.GetValue<string>(), Field: f["Field"]!.GetValue<string>(), Value: f["Value"]!.GetValue<string>()))
            .ToList();
        if (filters.Any(f => f.Type != "TERM_MATCH"))
        {
            return Error(400, "InvalidParameterException", "Only TERM_MATCH is expected");
        }

        var matching = _products
            .Where(p => p.Service == service && filters.All(f => p.Attributes.TryGetValue(f.Field, out var v) && v == f.Value))
            .Select(p => p.Document)
            .ToList();
        var start = body["NextToken"] is { } token ? int.Parse(token.GetValue<string>().Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = matching.Skip(start).Take(PageSize).ToList();
        var answer = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray([.. page.Select(d => JsonValue.Create(d))]) };
        if (start + PageSize < matching.Count)
        {
            answer["NextToken"] = $"57r3EXAMPLE==:{start + PageSize}";
        }

        return new CannedResponse(200, "application/x-amz-json-1.1", answer.ToJsonString(), new Dictionary<string, string> { ["x-amzn-RequestId"] = Guid.NewGuid().ToString() });
    }

    public static CannedResponse Error(int status, string type, string message) =>
        new(status, "application/x-amz-json-1.1", new JsonObject { ["__type"] = type, ["Message"] = message }.ToJsonString());
}
