using System.ComponentModel.DataAnnotations;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws;

/// <summary>
/// The AWS provider's settings (section <c>Aws</c>). Credentials are not here: they come from the SDK's default chain
/// (environment, profile, SSO, container or instance role).
/// </summary>
public sealed class AwsOptions : IValidatableObject
{
    public const string SectionName = "Aws";

    internal const string RegionPattern = "^[a-z]{2}(-[a-z]+)+-[0-9]+$";

    /// <summary>The portal's home region: used for account-wide calls such as STS. Defaults to <c>eu-west-2</c>.</summary>
    [Required]
    [RegularExpression(RegionPattern)]
    public string HomeRegion { get; set; } = "eu-west-2";

    /// <summary>
    /// Where the synthesized templates live, e.g. <c>https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1</c>;
    /// the template <c>SessionWorkers</c> is read from <c>&lt;TemplatesBaseUrl&gt;/SessionWorkers.template.json</c>.
    /// </summary>
    [Required]
    public Uri? TemplatesBaseUrl { get; set; }

    /// <summary>
    /// Endpoint overrides by service name (CloudFormation, SageMaker, FSx, Pricing, ServiceQuotas, Sts); they win over
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and <c>AWS_ENDPOINT_URL</c>.
    /// </summary>
    public Dictionary<string, string> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public AwsCloudFormationOptions CloudFormation { get; } = new();

    public AwsNotebookOptions Notebook { get; } = new();

    public AwsRetryOptions Retry { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in Endpoints)
        {
            if (!AwsService.All.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new ValidationResult(
                    $"Aws:Endpoints:{name} names no service; use one of {string.Join(", ", AwsService.All.Select(s => s.Name))}.",
                    [nameof(Endpoints)]);
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Aws:Endpoints:{name} must be an absolute http(s) URL.", [nameof(Endpoints)]);
            }
        }

        if (TemplatesBaseUrl is { IsAbsoluteUri: false } || (TemplatesBaseUrl is not null && TemplatesBaseUrl.Scheme != Uri.UriSchemeHttps && TemplatesBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Aws:TemplatesBaseUrl must be an absolute http(s) URL.", [nameof(TemplatesBaseUrl)]);
        }

        foreach (var (section, child) in new (string, object)[] { (nameof(CloudFormation), CloudFormation), (nameof(Notebook), Notebook), (nameof(Retry), Retry) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(child, new ValidationContext(child), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(
                    $"Aws:{section}: {result.ErrorMessage}", result.MemberNames.Select(m => $"{section}.{m}").ToList());
            }
        }
    }
}

public sealed class AwsCloudFormationOptions
{
    /// <summary>The role CloudFormation assumes to create session stacks (optional; the portal's own role otherwise).</summary>
    [RegularExpression("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")]
    public string? RoleArn { get; set; }

    /// <summary>
    /// Capabilities granted to session stacks. Defaults to CAPABILITY_IAM and CAPABILITY_NAMED_IAM (null here; a bound
    /// list replaces the defaults rather than adding to them).
    /// </summary>
    public IReadOnlyList<string>? Capabilities { get; set; }

    internal IReadOnlyList<string> EffectiveCapabilities => Capabilities ?? ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"];

    /// <summary>DO_NOTHING, ROLLBACK or DELETE. Defaults to ROLLBACK.</summary>
    [RegularExpression("^(DO_NOTHING|ROLLBACK|DELETE)$")]
    public string OnFailure { get; set; } = "ROLLBACK";

    /// <summary>Stacks that take longer fail. Defaults to 60.</summary>
    [Range(1, 1440)]
    public int TimeoutInMinutes { get; set; } = 60;
}

public sealed class AwsNotebookOptions
{
    /// <summary>The execution role of notebook instances (required).</summary>
    [Required]
    [RegularExpression("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")]
    public string? RoleArn { get; set; }

    public string? SubnetId { get; set; }

    public IReadOnlyList<string>? SecurityGroupIds { get; set; }

    public string? KmsKeyId { get; set; }

    /// <summary>Defaults to 20.</summary>
    [Range(5, 16384)]
    public int VolumeSizeInGB { get; set; } = 20;

    /// <summary>Enabled or Disabled; Disabled needs a subnet with a NAT or endpoints. Defaults to Enabled.</summary>
    [RegularExpression("^(Enabled|Disabled)$")]
    public string DirectInternetAccess { get; set; } = "Enabled";

    /// <summary>Defaults to Disabled.</summary>
    [RegularExpression("^(Enabled|Disabled)$")]
    public string RootAccess { get; set; } = "Disabled";

    /// <summary>
    /// A lifecycle configuration whose OnStart script every notebook instance must run (HomeFoundation's
    /// <c>portal-dask-client</c>, which installs the pinned Dask client). An instance takes one configuration, so the
    /// portal copies that OnStart into the instance's own configuration next to the OnCreate that places the notebook.
    /// </summary>
    public string? SharedLifecycleConfigName { get; set; }

    /// <summary>Defaults to notebook-al2023-v1 (Amazon Linux 2023; the Amazon Linux 2 platforms are past end of support).</summary>
    public string PlatformIdentifier { get; set; } = "notebook-al2023-v1";
}

public sealed class AwsRetryOptions
{
    /// <summary>Attempts in total, the first included. Defaults to 3 (the SDK's standard mode).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Defaults to 20 (the SDK's standard mode).</summary>
    [Range(0, 300)]
    public double MaxBackoffSeconds { get; set; } = 20;

    /// <summary>How long one attempt may take. Defaults to 30.</summary>
    [Range(1, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 30;

    internal AwsRetrySettings ToSettings() =>
        new(MaxAttempts, TimeSpan.FromSeconds(MaxBackoffSeconds), TimeSpan.FromSeconds(AttemptTimeoutSeconds));
}
