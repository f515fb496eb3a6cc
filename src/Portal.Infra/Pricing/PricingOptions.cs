using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Pricing;

/// <summary>Where the portal's unit prices come from (section <c>Pricing</c>).</summary>
public sealed class PricingOptions : IValidatableObject
{
    public const string SectionName = "Pricing";
    public const string Bundled = "Bundled";
    public const string Api = "Api";

    /// <summary>
    /// <c>Bundled</c> (the dated snapshot shipped with the portal) or <c>Api</c> (the AWS Price List API, refreshed in the
    /// background and stored). Defaults to <c>Api</c> with <c>Cloud:Provider=Aws</c>, <c>Bundled</c> in the sandbox.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>How often live prices are read again; also how old a price book may be before it is called stale.</summary>
    /// <remarks>Defaults to 1 day.</remarks>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "Pricing:RefreshInterval must be between 00:01:00 and 90.00:00:00.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The region whose Price List endpoint is called (the API is in us-east-1, eu-central-1 and ap-south-1).</summary>
    /// <remarks>Defaults to us-east-1.</remarks>
    [RegularExpression(Aws.AwsOptions.RegionPattern, ErrorMessage = "Pricing:EndpointRegion must be a region code such as us-east-1.")]
    public string EndpointRegion { get; set; } = "us-east-1";

    /// <summary>A pause between two Price List calls, to stay well inside the API's rate.</summary>
    /// <remarks>Defaults to 200 ms.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Pricing:RequestDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RequestDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many fetched price books the database keeps (the newest is used).</summary>
    /// <remarks>Defaults to 5.</remarks>
    [Range(1, 100, ErrorMessage = "Pricing:KeepBooks must be between 1 and 100.")]
    public int KeepBooks { get; set; } = 5;

    /// <summary>True when live prices are read, given the cloud provider (<see cref="CloudOptions.Provider"/>).</summary>
    public bool UsesApi(string provider) =>
        Source is null
            ? string.Equals(provider, CloudOptions.Aws, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Source, Api, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source is not null
            && !string.Equals(Source, Bundled, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Source, Api, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Pricing:Source is '{Source}'; use '{Bundled}' or '{Api}'.", [nameof(Source)]);
        }
    }
}
