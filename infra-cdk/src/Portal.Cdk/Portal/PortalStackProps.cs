using Amazon.CDK;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Portal;

internal sealed class PortalStackProps : StackProps
{
    public required PortalSettings Settings { get; init; }

    /// <summary>The folder with the synthesized RegionFoundation, SessionScheduler and SessionWorkers templates.</summary>
    public required string TemplatesDirectory { get; init; }
}
