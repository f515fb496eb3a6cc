using System.Globalization;

namespace Portal.Domain.Regions;

/// <summary>
/// A worker region as an admin types it on the Regions page: an AWS region code and its VPC's CIDR, both text.
/// <see cref="Check"/> says what is wrong per field (keys are the field names) or builds the <see cref="Region"/>.
/// </summary>
/// <remarks>
/// The CIDR rule is RegionFoundation's (infra-cdk <c>RegionParameters.VpcCidrPattern</c>): a /16 inside 10.0.0.0/8, from
/// which the template carves its subnets with Fn::Cidr. 10.254.0.0/16 is the portal's own VPC by default
/// (<c>portal:portalCidr</c>), which no worker region may take.
/// </remarks>
public sealed record WorkerRegionDraft
{
    public const string RegionField = nameof(Region);
    public const string CidrField = nameof(Cidr);

    /// <summary>The portal's own VPC in the CDK app's defaults: never routed through the Transit Gateway.</summary>
    public static readonly Cidr PortalVpc = Regions.Cidr.Parse("10.254.0.0/16");

    private static readonly Cidr TenSlashEight = Regions.Cidr.Parse("10.0.0.0/8");

    public string? Region { get; init; }

    public string? Cidr { get; init; }

    /// <summary>The first 10.N.0.0/16 no region of <paramref name="catalog"/> overlaps (and not the portal's VPC); null when none is left.</summary>
    public static Cidr? SuggestCidr(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        for (var n = 1; n < 256; n++)
        {
            var candidate = Regions.Cidr.Parse(string.Create(CultureInfo.InvariantCulture, $"10.{n}.0.0/16"));
            if (candidate != PortalVpc && catalog.OverlapProblem(candidate) is null)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The new worker region, or the message for each field that is wrong (and nothing built).</summary>
    public (Region? Region, IReadOnlyDictionary<string, string> Errors) Check(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Region?.Trim() ?? string.Empty;
        AwsRegion? aws = null;
        if (text.Length == 0)
        {
            errors[RegionField] = "Choose the AWS region to add.";
        }
        else if (!RegionCode.TryParse(text, out var code) || AwsRegions.Find(code) is not { } found)
        {
            errors[RegionField] = $"'{text}' is not an AWS region: choose one from the list (for example ap-southeast-2).";
        }
        else if (catalog.Find(code) is { } present)
        {
            errors[RegionField] = $"{code} is already a {(present.Role == RegionRole.Home ? "home" : "worker")} region of the portal.";
        }
        else
        {
            aws = found;
        }

        if (CidrProblem(catalog, out var cidr) is { } problem)
        {
            errors[CidrField] = problem;
        }

        return aws is null || errors.Count > 0
            ? (null, errors)
            : (new Region(aws.Code, aws.Name, aws.Location, RegionRole.Worker, cidr), errors);
    }

    private string? CidrProblem(RegionCatalog catalog, out Cidr cidr)
    {
        cidr = default;
        var text = Cidr?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return $"Enter the region's VPC CIDR, a /16 inside 10.0.0.0/8{Suggestion(catalog)}.";
        }

        try
        {
            cidr = Regions.Cidr.Parse(text);
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }

        if (cidr.PrefixLength != 16 || !TenSlashEight.Overlaps(cidr))
        {
            return $"{cidr} is not a /16 inside 10.0.0.0/8: RegionFoundation's VPC takes exactly that (it carves its subnets from it){Suggestion(catalog)}.";
        }

        if (cidr == PortalVpc)
        {
            return $"{cidr} is the portal's own VPC (CDK context portal:portalCidr); choose a CIDR that overlaps no other region{Suggestion(catalog)}.";
        }

        return catalog.OverlapProblem(cidr);
    }

    private static string Suggestion(RegionCatalog catalog) =>
        SuggestCidr(catalog) is { } free ? $", such as {free}" : string.Empty;
}
