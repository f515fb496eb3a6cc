using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Portal.Cdk.Shared;

internal sealed class SecureBucketConstructProps
{
    /// <summary>Days after which objects expire; none when null.</summary>
    public int? ExpireAfterDays { get; init; }

    public bool Versioned { get; init; }
}

/// <summary>
/// A bucket the guardrails accept: encrypted, public access blocked, TLS enforced, owner-enforced objects, kept on stack
/// deletion. SSE-S3 rather than KMS because ALB access logs only support SSE-S3.
/// </summary>
internal sealed class SecureBucketConstruct : Construct
{
    public SecureBucketConstruct(Construct scope, string id, SecureBucketConstructProps props)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = props.Versioned,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = props.ExpireAfterDays is { } days
                ? [new LifecycleRule { Expiration = Duration.Days(days), NoncurrentVersionExpiration = Duration.Days(days) }]
                : [new LifecycleRule { NoncurrentVersionExpiration = Duration.Days(90) }],
        });
    }

    public Bucket Bucket { get; }
}
