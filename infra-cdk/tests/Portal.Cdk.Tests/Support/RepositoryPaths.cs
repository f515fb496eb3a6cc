using System.Runtime.CompilerServices;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Tests.Support;

/// <summary>
/// The repository root: found from this source file's compile-time path (test outputs may live anywhere, e.g.
/// /tmp/art-cdk), or, when that path was mapped away (deterministic CI builds), upwards from the working folder.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "..", "..", "..", ".."));
        return File.Exists(Path.Combine(fromSource, DaskPins.RequirementsPath))
            ? fromSource
            : RepositoryRoot.Find(Directory.GetCurrentDirectory());
    }
}
