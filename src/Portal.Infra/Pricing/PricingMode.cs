namespace Portal.Infra.Pricing;

/// <summary>Whether prices come from the AWS Price List API, decided once at start from <c>Pricing:Source</c> and the cloud provider.</summary>
internal sealed record PricingMode(bool UsesApi);
