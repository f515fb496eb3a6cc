using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Portal.Cdk.Shared;

internal sealed class NetworkConstructProps
{
    public required string Cidr { get; init; }

    public required IKey Key { get; init; }

    /// <summary>Adds subnets without any route out, for databases.</summary>
    public bool IsolatedSubnets { get; init; }
}

/// <summary>A two-AZ VPC with one NAT gateway, an S3 gateway endpoint and flow logs to an encrypted log group.</summary>
internal sealed class NetworkConstruct : Construct
{
    public NetworkConstruct(Construct scope, string id, NetworkConstructProps props)
        : base(scope, id)
    {
        List<ISubnetConfiguration> subnets =
        [
            new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
            new SubnetConfiguration { Name = "Private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
        ];
        if (props.IsolatedSubnets)
        {
            subnets.Add(new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 });
        }

        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr(props.Cidr),
            MaxAzs = 2,
            // One NAT gateway (one Elastic IP): sessions are short and the portal is not latency-critical.
            NatGateways = 1,
            SubnetConfiguration = [.. subnets],
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            // The default security group has no rule open to the world; restricting it needs a custom-resource asset.
            RestrictDefaultSecurityGroup = false,
        });

        _ = Vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        _ = Vpc.AddFlowLog("FlowLog", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(EncryptedLogGroups.Create(this, "FlowLogs", props.Key, RetentionDays.ONE_YEAR)),
            TrafficType = FlowLogTrafficType.ALL,
        });
    }

    public Vpc Vpc { get; }
}
