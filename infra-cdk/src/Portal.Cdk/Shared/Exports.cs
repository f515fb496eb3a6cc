using Amazon.CDK;
using Constructs;

namespace Portal.Cdk.Shared;

/// <summary>Outputs other stacks import by a fixed name (see <see cref="Naming.ExportNames"/>).</summary>
internal static class Exports
{
    public static CfnOutput Add(Construct scope, string id, string value, string exportName, string description) =>
        new(scope, id, new CfnOutputProps { Value = value, ExportName = exportName, Description = description });

    public static string Import(string exportName) => Fn.ImportValue(exportName);
}
