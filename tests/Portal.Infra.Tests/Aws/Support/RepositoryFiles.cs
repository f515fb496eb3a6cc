namespace Portal.Infra.Tests.Aws.Support;

/// <summary>Files of the repository the tests read (the IAM policy, the operator's page), wherever the build put the tests.</summary>
public static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relativePath"/> (e.g. <c>docs/aws.md</c>) in the repository.</summary>
    public static string Find(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/');
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Built outside the repository (an artifacts path elsewhere): fall back to the source tree of this file.
        return Path.GetFullPath(Path.Combine([SourceDirectory(), "..", "..", "..", "..", .. parts]));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
