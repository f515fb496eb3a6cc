using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Portal.Cdk.Shared;

/// <summary>Every log group of the portal: KMS-encrypted, with a retention and a removal policy stated.</summary>
internal static class EncryptedLogGroups
{
    public static LogGroup Create(Construct scope, string id, IKey key, RetentionDays retention, string? name = null) =>
        new(scope, id, new LogGroupProps
        {
            LogGroupName = name,
            EncryptionKey = key,
            Retention = retention,
            // Logs are evidence: they stay after the stack is deleted and expire by retention.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
}
