using System.ComponentModel;
using System.Diagnostics;
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
        var python = Environment.GetEnvironmentVariable("PORTAL_PYTHON") is { Length: > 0 } chosen ? chosen : "/usr/bin/python3";
        // pytest's temporary folders, Dask's worker space and the sample data all go here, never into the repository.
        var scratch = Directory.CreateTempSubdirectory("portal-dask-pytest-");
        try
        {
            var stack = await RunAsync(python, ["-c", "import distributed, xarray, netCDF4, zarr, pandas, pytest"], scratch.FullName, module);
            Assert.True(stack.ExitCode == 0, MissingStack(python, stack.Output));

            var run = await RunAsync(
                python,
                ["-B", "-X", "utf8", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", Path.Combine(scratch.FullName, "pytest"), tests],
                scratch.FullName,
                module);

            Assert.True(run.ExitCode == 0, $"pytest exited with {run.ExitCode}:\n{run.Output}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string MissingStack(string python, string output)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: .ci/run installs them."
            : string.Empty;
        return $"{python} cannot import distributed, xarray, netCDF4, zarr, pandas and pytest, which portal_dask's tests need. "
            + $"Install Debian's packages: sudo apt-get install {AptPackages} (or set PORTAL_PYTHON to an interpreter that has them).{ci}\n{output}";
    }

    /// <summary>Runs the interpreter to its end (or the timeout) and returns its exit code with stdout and stderr.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string python, IReadOnlyList<string> arguments, string workingDirectory, string module)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = module;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["MPLBACKEND"] = "Agg";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start.");
        }
        catch (Win32Exception error)
        {
            return (-1, $"{python} could not start: {error.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{python} did not finish in {Timeout.TotalMinutes:0} minutes:\n{await output}{await error}");
            }

            return (process.ExitCode, $"{await output}{await error}");
        }
    }

    private static string HereDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
