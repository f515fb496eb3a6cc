using Amazon.CDK;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using SecretsManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace Portal.Cdk.Portal;

/// <summary>
/// The portal itself in the home region: its VPC, Fargate service behind an HTTPS ALB, PostgreSQL, a least-privilege
/// task role, the CloudFormation execution role for the stacks it creates, and the templates it deploys, published
/// as file assets to the bootstrap assets bucket. Deploy HomeFoundation first: this stack imports its exports.
/// </summary>
internal sealed class PortalStack : Stack
{
    public PortalStack(Construct scope, string id, PortalStackProps props)
        : base(scope, id, props)
    {
        var settings = props.Settings;
        var parameters = new PortalParameters(this);
        var key = new EncryptionKeyConstruct(this, "Key", new EncryptionKeyConstructProps { Description = "Portal: database, secrets, logs" }).Key;
        var network = new NetworkConstruct(this, "Network", new NetworkConstructProps { Cidr = settings.PortalCidr, Key = key, IsolatedSubnets = true });
        var database = new PortalDatabaseConstruct(this, "Database", new PortalDatabaseConstructProps { Vpc = network.Vpc, Key = key });
        var templates = new TemplatePublisherConstruct(this, "Publisher", new TemplatePublisherConstructProps
        {
            TemplatesDirectory = props.TemplatesDirectory,
        });
        var executionRole = new StackExecutionRoleConstruct(this, "StackExecution", new StackExecutionRoleConstructProps
        {
            DatasetBuckets = settings.DatasetBuckets,
            TemplatesBucketName = templates.BucketName,
            TemplatesPrefix = templates.Prefix,
        }).Role;

        var templatesBaseUrl = templates.BaseUrl;
        var daskImage = PortalImages.Dask(this, settings.RepositoryRoot);
        var entraSecret = SecretsManagerSecret.FromSecretCompleteArn(this, "EntraClientSecret", parameters.EntraClientSecretArn.ValueAsString);

        var portal = new PortalServiceConstruct(this, "Portal", new PortalServiceConstructProps
        {
            Vpc = network.Vpc,
            Key = key,
            Image = PortalImages.Portal(settings.RepositoryRoot),
            CertificateArn = parameters.CertificateArn.ValueAsString,
            Environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["Cloud__Provider"] = "Aws",
                ["Auth__Mode"] = "Entra",
                ["AzureAd__Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd__TenantId"] = parameters.EntraTenantId.ValueAsString,
                ["AzureAd__ClientId"] = parameters.EntraClientId.ValueAsString,
                ["AzureAd__CallbackPath"] = "/signin-oidc",
                ["Database__Provider"] = "PostgreSQL",
                ["Aws__HomeRegion"] = Aws.REGION,
                ["Aws__TemplatesBaseUrl"] = templatesBaseUrl,
                ["Aws__CloudFormation__RoleArn"] = executionRole.RoleArn,
                ["Aws__Notebook__RoleArn"] = Exports.Import(ExportNames.HomeNotebookRoleArn),
                ["Aws__Notebook__SubnetId"] = Exports.Import(ExportNames.HomeNotebookSubnetId),
                ["Aws__Notebook__SecurityGroupIds__0"] = Exports.Import(ExportNames.HomeNotebookSecurityGroupId),
                ["Aws__Notebook__KmsKeyId"] = Exports.Import(ExportNames.HomeKeyArn),
                ["Aws__Notebook__DirectInternetAccess"] = "Disabled",
                ["Aws__Notebook__PlatformIdentifier"] = PortalNames.NotebookPlatform,
                ["Aws__Notebook__SharedLifecycleConfigName"] = Exports.Import(ExportNames.HomeNotebookLifecycleConfig),
                ["Foundation__HomeCidr"] = settings.HomeCidr,
                ["Foundation__HomeTransitGatewayId"] = Exports.Import(ExportNames.HomeTransitGatewayId),
                ["Foundation__HomeHostedZoneId"] = Exports.Import(ExportNames.HomeHostedZoneId),
                ["Orchestration__PublicBaseUrl"] = Fn.Join("", ["https://", parameters.PortalHostName.ValueAsString, "/"]),
                ["Launch__DaskImage"] = daskImage.ImageUri,
                ["Launch__ServiceNamespace"] = settings.ServiceNamespace,
            },
            Secrets = new Dictionary<string, EcsSecret>
            {
                ["ConnectionStrings__Portal"] = EcsSecret.FromSecretsManager(database.ConnectionString),
                ["AzureAd__ClientSecret"] = EcsSecret.FromSecretsManager(entraSecret),
            },
        });
        database.Instance.Connections.AllowDefaultPortFrom(portal.Service, "The portal");

        PortalTaskPermissions.Grant(portal.Task.TaskRole, new PortalTaskPermissionsProps
        {
            StackExecutionRoleArn = executionRole.RoleArn,
            NotebookRoleArn = Exports.Import(ExportNames.HomeNotebookRoleArn),
            TemplatesBucketName = templates.BucketName,
            TemplatesPrefix = templates.Prefix,
            TemplatesBaseUrl = templatesBaseUrl,
            HomeKeyArn = Exports.Import(ExportNames.HomeKeyArn),
            HomeRegion = Aws.REGION,
            NotebookSubnetId = Exports.Import(ExportNames.HomeNotebookSubnetId),
            NotebookSecurityGroupId = Exports.Import(ExportNames.HomeNotebookSecurityGroupId),
        });

        _ = new CfnOutput(this, "PortalUrl", new CfnOutputProps { Value = "https://" + portal.LoadBalancer.LoadBalancerDnsName, Description = "Point the certificate's DNS name here (CNAME or alias)" });
        _ = new CfnOutput(this, "TemplatesBaseUrl", new CfnOutputProps { Value = templatesBaseUrl, Description = "Aws:TemplatesBaseUrl" });
        _ = new CfnOutput(this, "StackExecutionRoleArn", new CfnOutputProps { Value = executionRole.RoleArn, Description = "Aws:CloudFormation:RoleArn" });
        _ = new CfnOutput(this, "DaskImageUri", new CfnOutputProps { Value = daskImage.ImageUri, Description = "The Image of SessionScheduler and SessionWorkers (Launch__DaskImage)" });
    }
}
