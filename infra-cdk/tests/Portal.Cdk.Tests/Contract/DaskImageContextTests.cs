using System.Text.RegularExpressions;
using Portal.Cdk.Portal;
using Portal.Cdk.Settings;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>
/// The Dask image is built from the repository root with <see cref="PortalImages.DaskContext"/> as its .dockerignore:
/// everything its Dockerfile copies must be let in (the pin list, the notebook helper the workers import), and nothing
/// else of the repository (sources, tests, build outputs).
/// </summary>
public sealed partial class DaskImageContextTests
{
    [Fact]
    public void Every_file_the_dockerfile_copies_is_in_the_build_context()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, DaskPins.DockerfilePath));
        var sources = dockerfile.Select(l => Copy().Match(l)).Where(m => m.Success).Select(m => m.Groups["source"].Value).ToList();

        Assert.Equal(["docker/dask/requirements.txt", "src/Portal.Infra/Notebooks/python/portal_dask"], sources);
        foreach (var file in sources.SelectMany(FilesUnder))
        {
            Assert.True(IsInContext(file), $"{file} is copied by the Dockerfile but left out of the build context.");
        }

        Assert.Contains(FilesUnder("src/Portal.Infra/Notebooks/python/portal_dask"), f => f.EndsWith("/locality.py", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("src/Portal.Web/Program.cs")]
    [InlineData("src/Portal.Infra/Compute/LocalProcess.cs")]
    [InlineData("src/Portal.Infra/Notebooks/NotebookWriter.cs")]
    [InlineData("src/Portal.Infra/Compute/python/portal_sandbox/isolation.py")]
    [InlineData("docker/portal/Dockerfile")]
    [InlineData("tests/Portal.Infra.Tests/Notebooks/python/conftest.py")]
    [InlineData("README.md")]
    [InlineData("src/Portal.Infra/Notebooks/python/portal_dask/__pycache__/pools.cpython-311.pyc")]
    public void Nothing_else_of_the_repository_is_sent_to_the_build(string path) => Assert.False(IsInContext(path), path);

    /// <summary>Docker's .dockerignore rule: the last pattern that matches the path or one of its parent folders decides.</summary>
    private static bool IsInContext(string path)
    {
        var excluded = false;
        foreach (var pattern in PortalImages.DaskContext)
        {
            var negated = pattern.StartsWith('!');
            var glob = negated ? pattern[1..] : pattern;
            if (SelfOrParents(path).Any(p => Glob(glob).IsMatch(p)))
            {
                excluded = !negated;
            }
        }

        return !excluded;
    }

    private static IEnumerable<string> SelfOrParents(string path)
    {
        for (var end = path.Length; end > 0; end = path.LastIndexOf('/', end - 1))
        {
            yield return path[..end];
        }
    }

    /// <summary>Go's filepath.Match with Docker's "**": <c>*</c> stays within one folder, <c>**</c> crosses folders.</summary>
    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    private static IEnumerable<string> FilesUnder(string relative)
    {
        var full = Path.Combine(RepositoryPaths.Root, relative);
        return File.Exists(full)
            ? [relative]
            : Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'));
    }

    [GeneratedRegex(@"^COPY\s+(?<source>\S+)\s+\S+$")]
    private static partial Regex Copy();
}
