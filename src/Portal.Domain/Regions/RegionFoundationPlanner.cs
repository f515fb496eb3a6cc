using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;

namespace Portal.Domain.Regions;

/// <summary>
/// Plans the RegionFoundation stack of a worker region: its name, template and parameters (see
/// <see cref="RegionFoundationParameters"/>), from the region, the home region of <paramref name="regions"/>, the
/// HomeFoundation outputs and the datasets of <paramref name="datasets"/> whose bytes live in the region.
/// </summary>
public sealed class RegionFoundationPlanner(IRegionDirectory regions, DatasetCatalog datasets)
{
    // The regions now: a worker region added while the portal runs gets a foundation like the others.
    private RegionCatalog Catalog => regions.Current;

    /// <summary>Foundation stacks are named <c>portal-region-&lt;region&gt;</c>: inside the portal's <c>portal-*</c> IAM scope, never a session's name.</summary>
    public const string StackNamePrefix = "portal-region-";

    // The template carves subnets out of a /16 and the home VPC routes 10.0.0.0/8 to the hub (AllowedPattern of VpcCidr).
    private static readonly Cidr WorkerRange = Cidr.Parse("10.0.0.0/8");
    private const int WorkerPrefixLength = 16;

    public static string StackName(RegionCode region) => StackNamePrefix + region.Value;

    /// <summary>
    /// The datasets the foundation of <paramref name="region"/> links to its file system, in catalogue order: those the
    /// built-in analysis reads (each at its own prefix, never a whole bucket). The registry's other datasets in the region
    /// are opened from the notebook by their S3 path.
    /// </summary>
    public IReadOnlyList<Dataset> DatasetsIn(RegionCode region) =>
        [.. datasets.In(region).Where(d => d.IsAnalysable)];

    /// <summary>Why no foundation can be planned for <paramref name="region"/>, as sentences; empty when one can.</summary>
    /// <param name="region">A catalogue region, or one an admin proposes: every reason it cannot have a foundation yet is given.</param>
    public IReadOnlyList<string> Validate(Region region, HomeFoundationOutputs home)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(home);
        if (region.Role != RegionRole.Worker || region.Code == Catalog.Home.Code)
        {
            return [$"{region.Code} is the home region: its foundation is HomeFoundation, which the operator deploys with cdk deploy. "
                    + "Only worker regions get a RegionFoundation."];
        }

        var problems = new List<string>();
        if (!Catalog.Contains(region.Code) || Catalog.Get(region.Code) is not { Role: RegionRole.Worker } known || known.Cidr != region.Cidr)
        {
            problems.Add($"{region.Code} with {region.Cidr} is not a worker region of the portal's region catalogue: HomeFoundation routes and admits "
                         + "only the catalogue's worker CIDRs (CDK context portal:workerRegions). Add it to both and redeploy HomeFoundation first.");
        }

        if (region.Cidr.PrefixLength != WorkerPrefixLength || !WorkerRange.Overlaps(region.Cidr))
        {
            problems.Add($"The CIDR of {region.Code} is {region.Cidr}; a worker region needs a /16 inside {WorkerRange} (for example 10.3.0.0/16), "
                         + "which the home VPC routes to the Transit Gateway.");
        }

        foreach (var other in Catalog.All.Where(r => r.Code != region.Code && r.Cidr.Overlaps(region.Cidr)))
        {
            problems.Add($"The CIDR of {region.Code} ({region.Cidr}) overlaps the CIDR of {other.Code} ({other.Cidr}): "
                         + "traffic over the Transit Gateway could not tell them apart. Give each region its own /16.");
        }

        var held = DatasetsIn(region.Code);
        if (held.Count > RegionFoundationParameters.MaxDatasets)
        {
            problems.Add($"{region.Code} holds {held.Count} datasets ({string.Join(", ", held.Select(d => d.Id))}); a foundation links at most "
                         + $"{RegionFoundationParameters.MaxDatasets} (FSx for Lustre allows {RegionFoundationParameters.MaxDatasets} data repository associations per file system).");
        }

        foreach (var dataset in held.Where(d => d.Location.S3Uri.Contains(',', StringComparison.Ordinal)))
        {
            problems.Add($"The S3 URI of dataset {dataset.Id} ({dataset.Location.S3Uri}) contains a comma, which the template's dataset lists cannot carry.");
        }

        problems.AddRange(home.Problems());

        return problems;
    }

    /// <summary>Why no foundation can be planned for a catalogue region; empty when one can.</summary>
    public IReadOnlyList<string> Validate(RegionCode region, HomeFoundationOutputs home) =>
        Catalog.Contains(region)
            ? Validate(Catalog.Get(region), home)
            : [$"Region {region} is not in the portal's region catalogue."];

    /// <summary>The stack for a catalogue region.</summary>
    /// <exception cref="DomainException">The region cannot have a foundation; the message says every reason (<see cref="Validate(RegionCode, HomeFoundationOutputs)"/>).</exception>
    public RegionFoundationSpec Plan(RegionCode region, HomeFoundationOutputs home) =>
        Catalog.Contains(region)
            ? Plan(Catalog.Get(region), home)
            : throw new DomainException($"Region {region} is not in the portal's region catalogue.");

    /// <summary>The stack for <paramref name="region"/>.</summary>
    /// <exception cref="DomainException">The region cannot have a foundation; the message says every reason (<see cref="Validate(Region, HomeFoundationOutputs)"/>).</exception>
    public RegionFoundationSpec Plan(Region region, HomeFoundationOutputs home)
    {
        var problems = Validate(region, home);
        if (problems.Count > 0)
        {
            throw new DomainException($"No foundation can be planned for {region.Code}: {string.Join(" ", problems)}");
        }

        var held = DatasetsIn(region.Code);
        var parameters = new Dictionary<string, string>
        {
            [RegionFoundationParameters.VpcCidr] = region.Cidr.ToString(),
            [RegionFoundationParameters.HomeRegion] = Catalog.Home.Code.Value,
            [RegionFoundationParameters.HomeCidr] = Catalog.Home.Cidr.ToString(),
            [RegionFoundationParameters.HomeTransitGatewayId] = home.TransitGatewayId,
            [RegionFoundationParameters.HomeHostedZoneId] = home.HostedZoneId,
            // Position i of one list pairs with position i of the other (see RegionFoundationParameters).
            [RegionFoundationParameters.DatasetS3Uris] = string.Join(',', held.Select(d => d.Location.S3Uri)),
            [RegionFoundationParameters.DatasetFsxPaths] = string.Join(',', held.Select(d => RegionFoundationParameters.FileSystemPath(d.Location))),
        };
        return new RegionFoundationSpec(region.Code, StackName(region.Code), RegionFoundationParameters.Template, parameters, held);
    }
}
