using System.Runtime.CompilerServices;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>
/// The notebook helper module (src/Portal.Infra/Notebooks/python/portal_dask, published by PortalStack and installed
/// by the notebook lifecycle configuration), tested by its Python unittest suite.
/// </summary>
public sealed class PortalDaskModuleTests
{
    [Fact]
    public async Task The_portal_dask_module_passes_its_python_tests()
    {
        var here = HereDirectory();
        var module = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "src", "Portal.Infra", "Notebooks", "python"));
        var tests = Path.Combine(here, "python", "test_portal_dask.py");
        Assert.True(File.Exists(Path.Combine(module, "portal_dask", "__init__.py")), $"portal_dask is not at {module}");

        var output = await Python.RunAsync(tests, ["-v"], new Dictionary<string, string> { ["PYTHONPATH"] = module });

        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
    }

    private static string HereDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
