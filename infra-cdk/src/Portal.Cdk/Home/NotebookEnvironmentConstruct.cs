using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Assets;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Home;

internal sealed class NotebookEnvironmentConstructProps
{
    public required IVpc Vpc { get; init; }

    /// <summary>The notebook helper package folder (<c>portal:notebookHelper</c>); not installed when null.</summary>
    public string? NotebookHelperDirectory { get; init; }

    public required DaskPins Pins { get; init; }
}

/// <summary>
/// What the portal needs to create one notebook instance per user: a security group, an execution role (which may
/// write SageMaker's notebook log group) and the lifecycle configuration with the pinned Dask client.
/// </summary>
internal sealed class NotebookEnvironmentConstruct : Construct
{
    public NotebookEnvironmentConstruct(Construct scope, string id, NotebookEnvironmentConstructProps props)
        : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            Description = "Portal notebooks: no inbound; outbound to schedulers, workers, the portal API and package mirrors",
            AllowAllOutbound = true,
        });

        // SageMaker writes notebook logs to the account-wide group /aws/sagemaker/NotebookInstances. The stack does not
        // create it: SageMaker may already have (the create would fail), and a retained copy would fail the next deploy
        // after a teardown. The README says how to encrypt it with the home key and bound it.
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com"),
            RoleName = PortalNames.NotebookRoleName,
            Description = "Portal notebook instances: read the notebook helper, write notebook logs",
        });
        // A file asset (zipped, uploaded by cdk deploy to the bootstrap assets bucket): no Lambda copies it.
        string? helperArchive = null;
        if (props.NotebookHelperDirectory is { } helper)
        {
            var archive = new Asset(this, "NotebookHelper", new AssetProps { Path = helper, Exclude = ["__pycache__", "*.pyc"] });
            helperArchive = archive.S3ObjectUrl;
            _ = Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadNotebookHelper",
                Actions = ["s3:GetObject"],
                Resources = [Fn.Join("", ["arn:", Aws.PARTITION, ":s3:::", archive.S3BucketName, "/", archive.S3ObjectKey])],
            }));
        }

        _ = Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "NotebookLogs",
            // CreateLogGroup: the first notebook in an account creates the group.
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [Fn.Sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/NotebookInstances:*")],
        }));

        LifecycleConfig = new CfnNotebookInstanceLifecycleConfig(this, "LifecycleConfig", new CfnNotebookInstanceLifecycleConfigProps
        {
            NotebookInstanceLifecycleConfigName = PortalNames.NotebookLifecycleConfig,
            OnStart =
            new object[] {
                new CfnNotebookInstanceLifecycleConfig.NotebookInstanceLifecycleHookProperty
                {
                    Content = Fn.Base64(NotebookLifecycleScript.Build(props.Pins, helperArchive)),
                },
            },
        });
    }

    public SecurityGroup SecurityGroup { get; }

    public Role Role { get; }

    public CfnNotebookInstanceLifecycleConfig LifecycleConfig { get; }
}
