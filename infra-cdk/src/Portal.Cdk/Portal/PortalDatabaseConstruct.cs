using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Portal.Cdk.Portal;

internal sealed class PortalDatabaseConstructProps
{
    public required IVpc Vpc { get; init; }

    public required IKey Key { get; init; }
}

/// <summary>
/// PostgreSQL for the portal's state: encrypted with the stack's key, in isolated subnets, credentials generated into
/// Secrets Manager, deletion-protected and snapshotted on removal. <see cref="ConnectionString"/> is a second secret
/// holding the Npgsql connection string (built by CloudFormation from the first), so the portal reads one value.
/// </summary>
internal sealed class PortalDatabaseConstruct : Construct
{
    public const string DatabaseName = "portal";

    public PortalDatabaseConstruct(Construct scope, string id, PortalDatabaseConstructProps props)
        : base(scope, id)
    {
        Instance = new DatabaseInstance(this, "Instance", new DatabaseInstanceProps
        {
            // The major version only: RDS picks its default minor and AutoMinorVersionUpgrade moves it on, so a minor that RDS
            // retires never pins the template (a pinned minor fails the next update once it is gone, or looks like a downgrade).
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16 }),
            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.SMALL),
            Vpc = props.Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            DatabaseName = DatabaseName,
            Credentials = Credentials.FromGeneratedSecret("portal", new CredentialsBaseOptions { EncryptionKey = props.Key }),
            StorageEncrypted = true,
            StorageEncryptionKey = props.Key,
            AllocatedStorage = 20,
            MaxAllocatedStorage = 100,
            BackupRetention = Duration.Days(7),
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
            PubliclyAccessible = false,
            AutoMinorVersionUpgrade = true,
            CopyTagsToSnapshot = true,
        });
        Instance.Secret!.ApplyRemovalPolicy(RemovalPolicy.RETAIN);

        var secret = Instance.Secret!;
        ConnectionString = new Secret(this, "ConnectionString", new SecretProps
        {
            Description = "Npgsql connection string of the portal database (ConnectionStrings__Portal)",
            EncryptionKey = props.Key,
            // Dynamic references: CloudFormation resolves them; the template holds no password.
            SecretStringValue = SecretValue.UnsafePlainText(Fn.Join("", [
                "Host=", Instance.DbInstanceEndpointAddress,
                ";Port=", Instance.DbInstanceEndpointPort,
                ";Database=", DatabaseName,
                ";Username=", secret.SecretValueFromJson("username").UnsafeUnwrap(),
                ";Password='", secret.SecretValueFromJson("password").UnsafeUnwrap(), "'",
                ";SSL Mode=Require",
            ])),
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }

    public DatabaseInstance Instance { get; }

    public Secret ConnectionString { get; }
}
