using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Portal.Cdk.Handlers;

namespace Portal.Cdk.Region;

internal sealed class PrivateDnsAssociationConstructProps
{
    public required string HostedZoneId { get; init; }

    public required string VpcId { get; init; }

    public required IKey LogKey { get; init; }
}

/// <summary>
/// Lets workers resolve <c>scheduler.&lt;session&gt;.portal.internal</c>: associates this region's VPC with the private hosted
/// zone behind the home region's Cloud Map namespace. CloudFormation has no resource for associating a VPC with a zone
/// it did not create, hence an inline custom resource.
/// </summary>
internal sealed class PrivateDnsAssociationConstruct : Construct
{
    public PrivateDnsAssociationConstruct(Construct scope, string id, PrivateDnsAssociationConstructProps props)
        : base(scope, id)
    {
        var handler = new InlineHandlerConstruct(this, "Handler", new InlineHandlerConstructProps
        {
            Script = "dns_association.py",
            LogKey = props.LogKey,
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "AssociateWithSchedulerZone",
                    Actions = ["route53:GetHostedZone", "route53:AssociateVPCWithHostedZone", "route53:DisassociateVPCFromHostedZone"],
                    Resources = [Fn.Join("", ["arn:", Aws.PARTITION, ":route53:::hostedzone/", props.HostedZoneId])],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "DescribeVpcsForAssociation",
                    Actions = ["ec2:DescribeVpcs"],
                    // EC2 Describe* actions support no resource-level permissions: "*" is the only valid resource.
                    Resources = ["*"],
                }),
            ],
        });

        _ = new CustomResource(this, "Association", new CustomResourceProps
        {
            ResourceType = "Custom::PortalPrivateDnsAssociation",
            ServiceToken = handler.Function.FunctionArn,
            Properties = new Dictionary<string, object>
            {
                ["HostedZoneId"] = props.HostedZoneId,
                ["VpcId"] = props.VpcId,
                ["VpcRegion"] = Aws.REGION,
            },
        });
    }
}
