using System.Diagnostics;

namespace Portal.Infra.Compute;

/// <summary>
/// What an interpreter lacks of the Python stack that real compute needs, as Debian package names. Read once, when
/// the portal is composed: <c>importlib.util.find_spec</c> for each module, no import, so it takes a fraction of a second.
/// </summary>
internal sealed record PythonStack(string Interpreter, IReadOnlyList<string> MissingPackages, bool HasBokeh)
{
    /// <summary>The modules real compute imports, with the Debian package that installs each (bookworm's names).</summary>
    public static IReadOnlyList<(string Module, string Package)> Required { get; } =
    [
        ("distributed", "python3-distributed"),
        ("xarray", "python3-xarray"),
        ("netCDF4", "python3-netcdf4"),
        ("zarr", "python3-zarr"),
        ("pandas", "python3-pandas"),
        ("matplotlib", "python3-matplotlib"),
        ("notebook", "python3-notebook"),
        ("nbclient", "python3-nbclient"),
        ("ipykernel", "python3-ipykernel"),
    ];

    public bool IsComplete => MissingPackages.Count == 0;

    /// <summary>The one command that installs what is missing.</summary>
    public string InstallCommand => "sudo apt-get install -y " + string.Join(' ', MissingPackages);

    /// <summary>Asks <paramref name="interpreter"/> which modules it lacks; an interpreter that does not run lacks them all.</summary>
    public static PythonStack Probe(string interpreter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interpreter);
        const string Script = "import importlib.util, sys\nfor name in sys.argv[1:]:\n    print(name, importlib.util.find_spec(name) is not None)\n";
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var (module, _) in Required)
        {
            start.ArgumentList.Add(module);
        }

        start.ArgumentList.Add("bokeh");
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var process = Process.Start(start);
            if (process is not null)
            {
                var output = process.StandardOutput.ReadToEnd();
                _ = process.StandardError.ReadToEnd();
                if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
                {
                    process.Kill(entireProcessTree: true);
                }

                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = line.Split(' ');
                    if (parts is [var name, "True"])
                    {
                        found.Add(name);
                    }
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No such interpreter: everything is missing.
        }

        return new PythonStack(
            interpreter,
            [.. Required.Where(r => !found.Contains(r.Module)).Select(r => r.Package)],
            found.Contains("bokeh"));
    }
}
