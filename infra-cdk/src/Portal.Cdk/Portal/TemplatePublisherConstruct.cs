using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

internal sealed class TemplatePublisherConstructProps
{
    public required IBucket Bucket { get; init; }

    /// <summary>A folder holding <c>&lt;Template&gt;.template.json</c> files (written by <see cref="PortalTemplates"/>).</summary>
    public required string TemplatesDirectory { get; init; }

    /// <summary>The notebook helper package folder; not published when null.</summary>
    public string? NotebookHelperDirectory { get; init; }

    public required IKey Key { get; init; }
}

/// <summary>Copies the synthesized session templates (and the notebook helper) into the artifacts bucket on deploy.</summary>
internal sealed class TemplatePublisherConstruct : Construct
{
    public TemplatePublisherConstruct(Construct scope, string id, TemplatePublisherConstructProps props)
        : base(scope, id)
    {
        _ = new BucketDeployment(this, "Templates", new BucketDeploymentProps
        {
            DestinationBucket = props.Bucket,
            DestinationKeyPrefix = PortalNames.TemplatesPrefix + "/",
            Sources = [Source.Asset(props.TemplatesDirectory)],
            ContentType = "application/json",
            LogGroup = EncryptedLogGroups.Create(this, "TemplatesLogs", props.Key, RetentionDays.THREE_MONTHS),
        });

        if (props.NotebookHelperDirectory is { } helper)
        {
            _ = new BucketDeployment(this, "NotebookHelper", new BucketDeploymentProps
            {
                DestinationBucket = props.Bucket,
                DestinationKeyPrefix = PortalNames.NotebookHelperPrefix + "/",
                Sources = [Source.Asset(helper, new Amazon.CDK.AWS.S3.Assets.AssetOptions { Exclude = ["__pycache__", "*.pyc"] })],
                LogGroup = EncryptedLogGroups.Create(this, "HelperLogs", props.Key, RetentionDays.THREE_MONTHS),
            });
        }
    }
}
