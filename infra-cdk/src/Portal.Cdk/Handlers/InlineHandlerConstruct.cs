using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Handlers;

internal sealed class InlineHandlerConstructProps
{
    /// <summary>The file name of an embedded handler script in this folder, e.g. <c>peering_acceptor.py</c>.</summary>
    public required string Script { get; init; }

    public required IKey LogKey { get; init; }

    public required IReadOnlyList<PolicyStatement> Statements { get; init; }

    public Duration? Timeout { get; init; }
}

/// <summary>
/// A custom-resource handler whose Python code is inline in the template (CloudFormation's ZipFile, with its
/// <c>cfnresponse</c> module). Inline code needs no asset, so templates the portal deploys itself stay self-contained.
/// Its role carries only the statements given plus writing to its own encrypted log group.
/// </summary>
internal sealed class InlineHandlerConstruct : Construct
{
    /// <summary>CloudFormation's limit for inline (ZipFile) code.</summary>
    public const int MaxInlineCodeLength = 4096;

    public InlineHandlerConstruct(Construct scope, string id, InlineHandlerConstructProps props)
        : base(scope, id)
    {
        var code = Read(props.Script);
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs the {props.Script} custom resource",
        });
        foreach (var statement in props.Statements)
        {
            _ = role.AddToPolicy(statement);
        }

        var logGroup = EncryptedLogGroups.Create(this, "Logs", props.LogKey, RetentionDays.THREE_MONTHS);
        _ = logGroup.GrantWrite(role);

        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
            Code = Code.FromInline(code),
            Role = role,
            LogGroup = logGroup,
            MemorySize = 128,
            Timeout = props.Timeout ?? Duration.Minutes(2),
            Description = $"Portal custom resource: {props.Script}",
        });
    }

    public Function Function { get; }

    /// <summary>The embedded handler source.</summary>
    public static string Read(string script)
    {
        var assembly = typeof(InlineHandlerConstruct).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Portal.Cdk.Handlers.{script}")
            ?? throw new InvalidOperationException($"Handler script {script} is not embedded.");
        using var reader = new StreamReader(stream);
        var code = reader.ReadToEnd();
        return code.Length <= MaxInlineCodeLength
            ? code
            : throw new InvalidOperationException($"{script} has {code.Length} characters; inline code allows {MaxInlineCodeLength}.");
    }
}
