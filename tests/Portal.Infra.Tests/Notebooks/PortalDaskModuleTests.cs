using System.Runtime.CompilerServices;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>
/// The notebook helper module (src/Portal.Infra/Notebooks/python/portal_dask, published by PortalStack and installed
/// by the notebook lifecycle configuration), tested by its pytest suite in <c>python/</c>: a real Dask cluster with two
/// pools, the sample data generator, the CMIP6 search and the locality figure. It runs on Debian's Python stack
/// (<c>/usr/bin/python3</c>, or <c>PORTAL_PYTHON</c>); without it the test fails and names the packages to install.
/// </summary>
public sealed class PortalDaskModuleTests
{
    private const string AptPackages =
        "python3-distributed python3-xarray python3-netcdf4 python3-zarr python3-pandas python3-matplotlib python3-notebook python3-nbclient python3-ipykernel python3-pytest";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_portal_dask_module_passes_its_python_tests()
    {
        var here = HereDirectory();
        var module = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "src", "Portal.Infra", "Notebooks", "python"));
        var tests = Path.Combine(here, "python");
        Assert.True(File.Exists(Path.Combine(module, "portal_dask", "__init__.py")), $"portal_dask is not at {module}");
        var python = DebianPython.Interpreter;
        var environment = new Dictionary<string, string> { ["PYTHONPATH"] = module };
        // pytest's temporary folders, Dask's worker space and the sample data all go here, never into the repository.
        var scratch = Directory.CreateTempSubdirectory("portal-dask-pytest-");
        try
        {
            var stack = await DebianPython.RunAsync(python, ["-c", "import distributed, xarray, netCDF4, zarr, pandas, pytest"], scratch.FullName, environment, Timeout);
            Assert.True(stack.ExitCode == 0, DebianPython.MissingStack(python, "distributed, xarray, netCDF4, zarr, pandas and pytest", AptPackages, stack.Output));

            var run = await DebianPython.PytestAsync(python, tests, scratch.FullName, environment, Timeout);

            Assert.True(run.ExitCode == 0, $"pytest exited with {run.ExitCode}:\n{run.Output}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string HereDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
