using System.Runtime.CompilerServices;

namespace Portal.Cdk.Tests.Support;

/// <summary>The repository root, found from this source file (test outputs may live anywhere, e.g. /tmp/art-cdk).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "..", "..", ".."));
}
