using Constructs;

namespace Portal.Cdk.Settings;

/// <summary>
/// Deployment-wide choices, read from the CDK context (<c>cdk.json</c> or <c>-c key=value</c>). The defaults are the
/// topology of DESIGN.md: home eu-west-2, workers in us-east-1 (ERA5) and us-west-2 (CMIP6).
/// </summary>
internal sealed record PortalSettings
{
    public const string HomeRegionKey = "portal:homeRegion";
    public const string HomeCidrKey = "portal:homeCidr";
    public const string PortalCidrKey = "portal:portalCidr";
    public const string WorkerRegionsKey = "portal:workerRegions";
    public const string WorkerSizesKey = "portal:workerSizes";
    public const string NotebookHelperKey = "portal:notebookHelper";
    public const string DatasetBucketsKey = "portal:datasetBuckets";

    public required string RepositoryRoot { get; init; }

    public string HomeRegion { get; init; } = "eu-west-2";

    public string HomeCidr { get; init; } = "10.0.0.0/16";

    /// <summary>The portal's own VPC: not attached to the Transit Gateway, so it only has to avoid confusing people.</summary>
    public string PortalCidr { get; init; } = "10.254.0.0/16";

    public IReadOnlyList<WorkerRegion> WorkerRegions { get; init; } =
        [new("us-east-1", "10.1.0.0/16"), new("us-west-2", "10.2.0.0/16")];

    /// <summary>The Cloud Map private namespace schedulers register in (LaunchSettings.ServiceNamespace in the domain).</summary>
    public string ServiceNamespace { get; init; } = "portal.internal";

    /// <summary>EC2 instance types a session may choose as worker size; each gets a capacity provider in every worker region.</summary>
    public IReadOnlyList<string> WorkerSizes { get; init; } = ["m5d.2xlarge", "m5d.4xlarge", "m5d.8xlarge", "r5d.4xlarge"];

    public string DefaultWorkerSize { get; init; } = "m5d.4xlarge";

    /// <summary>The Python package folder of the notebook helper, relative to the repository root; published when it exists.</summary>
    public string NotebookHelperPath { get; init; } = "src/Portal.Infra/Notebooks/python/portal_dask";

    /// <summary>
    /// The S3 buckets of the datasets (Portal.Domain's DatasetCatalog): the only ones the stack execution role may read,
    /// which linking them to FSx requires. A dataset in another bucket needs its bucket here and PortalStack redeployed.
    /// </summary>
    public IReadOnlyList<string> DatasetBuckets { get; init; } = ["era5-pds", "nsf-ncar-era5", "cmip6-pds", "nex-gddp-cmip6", "ncar-cesm2-lens"];

    public DaskPins Pins => DaskPins.Read(RepositoryRoot);

    public static PortalSettings FromContext(Node node, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(node);
        var defaults = new PortalSettings { RepositoryRoot = repositoryRoot };
        return defaults with
        {
            HomeRegion = Text(node, HomeRegionKey) ?? defaults.HomeRegion,
            HomeCidr = Text(node, HomeCidrKey) ?? defaults.HomeCidr,
            PortalCidr = Text(node, PortalCidrKey) ?? defaults.PortalCidr,
            WorkerRegions = Text(node, WorkerRegionsKey) is { } regions ? ParseRegions(regions) : defaults.WorkerRegions,
            WorkerSizes = Text(node, WorkerSizesKey) is { } sizes ? SplitList(sizes) : defaults.WorkerSizes,
            NotebookHelperPath = Text(node, NotebookHelperKey) ?? defaults.NotebookHelperPath,
            DatasetBuckets = Text(node, DatasetBucketsKey) is { } buckets ? SplitList(buckets) : defaults.DatasetBuckets,
        };
    }

    /// <summary>Parses <c>us-east-1=10.1.0.0/16,us-west-2=10.2.0.0/16</c>.</summary>
    public static IReadOnlyList<WorkerRegion> ParseRegions(string value)
    {
        return [.. SplitList(value).Select(entry =>
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
                ? new WorkerRegion(parts[0], parts[1])
                : throw new ArgumentException($"'{entry}' in {WorkerRegionsKey} is not region=cidr.", nameof(value));
        })];
    }

    private static string[] SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(Node node, string key) =>
        node.TryGetContext(key) is { } value && value.ToString() is { Length: > 0 } text ? text : null;
}
