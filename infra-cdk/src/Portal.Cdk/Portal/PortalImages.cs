using Amazon.CDK;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace Portal.Cdk.Portal;

/// <summary>The two images built from this repository on <c>cdk deploy</c>: the portal, and Dask for schedulers and workers.</summary>
internal static class PortalImages
{
    /// <summary>What the portal's build needs from the repository root; everything else (build outputs, git, node) stays out.</summary>
    public static readonly string[] PortalContext =
    [
        "*",
        "!src",
        "!docker",
        "docker/*",
        "!docker/portal",
        "!global.json",
        "!Directory.Build.props",
        "!Directory.Packages.props",
        "!.editorconfig",
        "!nuget.config",
        "**/bin",
        "**/obj",
        "**/node_modules",
        "**/TestResults",
    ];

    public static ContainerImage Portal(string repositoryRoot) =>
        ContainerImage.FromAsset(repositoryRoot, new AssetImageProps
        {
            File = "docker/portal/Dockerfile",
            Exclude = PortalContext,
            IgnoreMode = IgnoreMode.DOCKER,
            Platform = Platform_.LINUX_AMD64,
        });

    /// <summary>
    /// What the Dask image needs from the repository root: its Dockerfile and pin list, and the notebook helper
    /// (portal_dask), which schedulers and workers import: the notebook's pool-side functions and the locality plugin
    /// travel to them by reference.
    /// </summary>
    public static readonly string[] DaskContext =
    [
        "*",
        "!docker",
        "docker/*",
        "!docker/dask",
        "!src",
        "src/*",
        "!src/Portal.Infra",
        "src/Portal.Infra/*",
        "!src/Portal.Infra/Notebooks",
        "src/Portal.Infra/Notebooks/*",
        "!src/Portal.Infra/Notebooks/python",
        "**/__pycache__",
    ];

    public static DockerImageAsset Dask(Construct scope, string repositoryRoot) =>
        new(scope, "DaskImage", new DockerImageAssetProps
        {
            Directory = repositoryRoot,
            File = "docker/dask/Dockerfile",
            Exclude = DaskContext,
            IgnoreMode = IgnoreMode.DOCKER,
            Platform = Platform_.LINUX_AMD64,
        });
}
