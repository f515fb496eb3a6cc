using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Portal.Domain.Sessions;

namespace Portal.Infra.Compute;

/// <summary>
/// Where one session's local processes keep what outlives the portal: pid files, logs, the scheduler file, the ports
/// chosen at launch, Jupyter's folder. <c>&lt;data&gt;/compute/sessions/&lt;session id&gt;/</c>.
/// </summary>
internal sealed class LocalSessionFolder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LocalSessionFolder(string computeRoot, SessionId id)
    {
        Id = id;
        Path = System.IO.Path.Combine(computeRoot, "sessions", id.Value);
    }

    public SessionId Id { get; }

    public string Path { get; }

    public string SchedulerFile => Combine("scheduler.json");

    public string NotebookDirectory => Combine("notebook");

    public string JupyterRuntimeDirectory => Combine("jupyter-runtime");

    public string PidFile(string step) => Combine(step + ".pid");

    public string LogFile(string step) => Combine(step + ".log");

    public string StartedFile(string step) => Combine(step + ".started");

    public string StoppingFile(string step) => Combine(step + ".stopping");

    public void Create()
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(NotebookDirectory);
        Directory.CreateDirectory(JupyterRuntimeDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // Logs and the Jupyter token are the user's alone.
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The scheduler's address and dashboard port from the scheduler file it writes once it listens; null before.</summary>
    public (string Address, int? DashboardPort)? ReadSchedulerFile()
    {
        try
        {
            if (!File.Exists(SchedulerFile))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(SchedulerFile));
            var root = document.RootElement;
            var address = root.GetProperty("address").GetString();
            int? dashboard = root.TryGetProperty("services", out var services) && services.TryGetProperty("dashboard", out var port) && port.TryGetInt32(out var p)
                ? p
                : null;
            return address is null ? null : (address, dashboard);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A secret kept in the folder (Jupyter's token): made once, then read.</summary>
    public string Secret(string name)
    {
        var path = Combine(name + ".secret");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        LocalProcess.WriteAtomically(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>When a step's processes were started (for its start timeout); null when they never were.</summary>
    public DateTimeOffset? StartedAt(string step) => ReadInstant(StartedFile(step));

    /// <summary>When the portal first asked a step's processes to end (for the SIGKILL after a grace period).</summary>
    public DateTimeOffset? StoppingSince(string step) => ReadInstant(StoppingFile(step));

    public static void Mark(string file, DateTimeOffset at) =>
        LocalProcess.WriteAtomically(file, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>A free TCP port on loopback, as the kernel hands it out now (a later bind may lose a race; the step then fails and can be retried).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static DateTimeOffset? ReadInstant(string path)
    {
        try
        {
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string Combine(string name) => System.IO.Path.Combine(Path, name);

    internal static JsonSerializerOptions JsonOptions => Json;
}
