using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.KMS;

namespace Portal.Cdk.Portal;

internal sealed class PortalServiceConstructProps
{
    public required IVpc Vpc { get; init; }

    public required IKey Key { get; init; }

    public required ContainerImage Image { get; init; }

    public required string CertificateArn { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required IReadOnlyDictionary<string, Amazon.CDK.AWS.ECS.Secret> Secrets { get; init; }
}
