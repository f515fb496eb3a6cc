using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Portal.Cdk.Shared;

internal sealed class EncryptionKeyConstructProps
{
    public required string Description { get; init; }
}

/// <summary>A customer-managed KMS key with rotation, kept when the stack goes, and usable by CloudWatch Logs of its region.</summary>
internal sealed class EncryptionKeyConstruct : Construct
{
    public EncryptionKeyConstruct(Construct scope, string id, EncryptionKeyConstructProps props)
        : base(scope, id)
    {
        Key = new Key(this, "Key", new KeyProps
        {
            Description = props.Description,
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            // Data encrypted with the key outlives the stack (retained logs, snapshots): so must the key.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        // In a key policy, "*" as resource means this key.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchLogsOfThisRegion",
            Principals = [new ServicePrincipal(Fn.Sub("logs.${AWS::Region}.amazonaws.com"))],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = Fn.Sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"),
                },
            },
        }));
    }

    public Key Key { get; }
}
