using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>Every bucket: encrypted, all four public-access blocks on, and a bucket policy that denies requests without TLS.</summary>
public sealed class BucketsLockedDown : IGuardrail
{
    private static readonly string[] PublicAccessBlocks = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];

    public string Name => nameof(BucketsLockedDown);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var (id, bucket) in synthesized.ResourcesOfType("AWS::S3::Bucket"))
        {
            var properties = bucket["Properties"] as JsonObject;
            if (properties?["BucketEncryption"]?["ServerSideEncryptionConfiguration"] is not JsonArray { Count: > 0 })
            {
                yield return new Violation(Name, id, "is not encrypted");
            }

            var block = properties?["PublicAccessBlockConfiguration"];
            if (PublicAccessBlocks.Any(setting => !(block?[setting]).IsTrue()))
            {
                yield return new Violation(Name, id, "does not block all public access");
            }

            if (!DeniesPlainHttp(synthesized, id))
            {
                yield return new Violation(Name, id, "does not deny requests without TLS (aws:SecureTransport)");
            }
        }
    }

    private static bool DeniesPlainHttp(CfnTemplate template, string bucketId) =>
        template.ResourcesOfType("AWS::S3::BucketPolicy")
            .Where(p => p.Value["Properties"]?["Bucket"]?["Ref"].AsText() == bucketId)
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList())
            .Any(s => s["Effect"].AsText() == "Deny"
                      && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.ToString() == "false");
}
