using System.Security.Cryptography;
using Amazon.CDK;
using Constructs;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Portal;

internal sealed class TemplatePublisherConstructProps
{
    /// <summary>A folder holding <c>&lt;Template&gt;.template.json</c> files (written by <see cref="PortalTemplates"/>).</summary>
    public required string TemplatesDirectory { get; init; }
}

/// <summary>
/// Publishes the templates the portal deploys as CDK file assets: <c>cdk deploy</c> uploads them to the bootstrap
/// assets bucket before CloudFormation sees the stack, so no Lambda function copies anything (the
/// <c>BucketDeployment</c> this replaces ran one on a Python runtime Lambda no longer creates).
/// </summary>
/// <remarks>
/// The portal reads <c>&lt;Aws:TemplatesBaseUrl&gt;/&lt;Name&gt;.template.json</c>, so the three objects share one
/// folder, <c>templates/&lt;version&gt;/</c>, whose version is a hash of all three files: a changed template is a
/// new folder (the asset publisher skips an object that already exists, so a fixed key would never be replaced),
/// and the stacks already created from the previous one keep their template.
/// </remarks>
internal sealed class TemplatePublisherConstruct : Construct
{
    public TemplatePublisherConstruct(Construct scope, string id, TemplatePublisherConstructProps props)
        : base(scope, id)
    {
        var files = PortalTemplates.Names.ToDictionary(name => name, name => Path.Combine(props.TemplatesDirectory, name + ".template.json"));
        Version = VersionOf(files);
        Prefix = PortalNames.TemplatesPrefix + "/" + Version;

        var stack = Stack.Of(this);
        var urls = new Dictionary<string, string>();
        string? bucket = null;
        foreach (var (name, file) in files)
        {
            // Staged into the cloud assembly (the folder PortalTemplates wrote is temporary), then registered under
            // the key the portal expects: <prefix>/<Name>.template + the file's extension (.json).
            var staged = new AssetStaging(this, name, new AssetStagingProps { SourcePath = file });
            var location = stack.Synthesizer.AddFileAsset(new FileAssetSource
            {
                SourceHash = Prefix + "/" + name + ".template",
                FileName = staged.RelativeStagedPath(stack),
                Packaging = FileAssetPackaging.FILE,
            });
            bucket = location.BucketName;
            urls[name] = location.ObjectKey;
        }

        BucketName = bucket!;
        // Virtual-hosted style: the form the task role's TemplateUrl condition and docs/aws.md use.
        BaseUrl = Fn.Join("", ["https://", BucketName, ".s3.", Aws.REGION, ".", Aws.URL_SUFFIX, "/", Prefix]);
        ObjectKeys = urls;
    }

    /// <summary>The bucket the templates are in (the bootstrap assets bucket of the home region).</summary>
    public string BucketName { get; }

    /// <summary><c>templates/&lt;version&gt;</c>: the folder of the three templates.</summary>
    public string Prefix { get; }

    /// <summary>A hash of the three templates (16 hex digits).</summary>
    public string Version { get; }

    /// <summary><c>https://&lt;bucket&gt;.s3.&lt;region&gt;.&lt;suffix&gt;/templates/&lt;version&gt;</c>: Aws:TemplatesBaseUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>Each template's object key.</summary>
    public IReadOnlyDictionary<string, string> ObjectKeys { get; }

    private static string VersionOf(Dictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, file) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
