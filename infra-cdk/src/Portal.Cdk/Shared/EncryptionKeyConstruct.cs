using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Portal.Cdk.Shared;

internal sealed class EncryptionKeyConstructProps
{
    public required string Description { get; init; }

    /// <summary>
    /// A role this key's own policy lets administer the key and let FSx use it, so that no IAM policy needs KMS rights
    /// on existing keys (the stack execution role, for the keys of the templates it deploys); none when null.
    /// </summary>
    public string? AdministeredBy { get; init; }
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
            Actions =
            [
                "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext",
                "kms:DescribeKey",
            ],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = Fn.Sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"),
                },
            },
        }));

        if (props.AdministeredBy is { } role)
        {
            AllowAdministration(role);
        }
    }

    public Key Key { get; }

    /// <summary>What CloudFormation's AWS::KMS::Key handler calls on an existing key (read and update), deletion excepted: the key is retained.</summary>
    private static readonly string[] Administration =
    [
        "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:EnableKeyRotation",
        "kms:PutKeyPolicy", "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource",
    ];

    /// <summary>What FSx does with the caller's permissions when it encrypts a file system with the key.</summary>
    private static readonly string[] FsxUse =
    [
        "kms:CreateGrant", "kms:DescribeKey", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext",
        "kms:ReEncryptFrom", "kms:ReEncryptTo",
    ];

    private void AllowAdministration(string role)
    {
        var principal = new ArnPrincipal(role);
        // In a key policy, "*" as resource means this key.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "StackRoleAdministersThisKey",
            Principals = [principal],
            Actions = Administration,
            Resources = ["*"],
        }));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "StackRoleLetsFsxUseThisKey",
            Principals = [principal],
            Actions = FsxUse,
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = Fn.Sub("fsx.${AWS::Region}.amazonaws.com") },
            },
        }));
    }
}
