using System.Globalization;
using System.Text.Json;
using Portal.Domain.LaunchPlans;

namespace Portal.Infra.Compute;

/// <summary>What a session's Jupyter server needs in its folder: the kernel the notebook asks for, its port, its token.</summary>
internal static class JupyterFiles
{
    public const string TokenName = "jupyter-token";

    public static string PortFile(LocalSessionFolder folder, string step) => Path.Combine(folder.Path, step + ".port");

    public static int? Port(LocalSessionFolder folder, string step)
    {
        var path = PortFile(folder, step);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>
    /// Writes the <c>portal-dask</c> kernel (the one generated notebooks ask for) for <paramref name="python"/> with the
    /// notebook helper on its path; returns the folder to put on <c>JUPYTER_PATH</c>. The kernel reads no data: it turns
    /// on <c>portal_sandbox.isolation</c> with no region of its own before it starts, so a read that belongs in a pool
    /// fails in the notebook instead of moving raw data to it.
    /// </summary>
    public static string WriteKernel(LocalSessionFolder folder, string python, string helperPath, string dataRoot)
    {
        var root = Path.Combine(folder.Path, "jupyter-path");
        var kernel = Path.Combine(root, "kernels", LaunchSettings.NotebookKernelName);
        Directory.CreateDirectory(kernel);
        var spec = new Dictionary<string, object>
        {
            ["argv"] = new[]
            {
                python, "-c", "import portal_sandbox.isolation; from ipykernel import kernelapp; kernelapp.launch_new_instance()",
                "-f", "{connection_file}",
            },
            ["display_name"] = "Portal (Dask)",
            ["language"] = "python",
            ["env"] = new Dictionary<string, string> { ["PYTHONPATH"] = helperPath, ["PORTAL_DATA_ROOT"] = dataRoot },
        };
        LocalProcess.WriteAtomically(Path.Combine(kernel, "kernel.json"), JsonSerializer.Serialize(spec));
        return root;
    }
}
