using Amazon.CDK;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Home;

internal sealed class HomeFoundationStackProps : StackProps
{
    public required PortalSettings Settings { get; init; }
}
