namespace Portal.Testing;

/// <summary>
/// Processes a test's real compute started, found by their command lines (every one names the test's data folder):
/// to check that a stop ended them, and to end what a failed test left running.
/// </summary>
internal static class LocalProcesses
{
    public static List<int> Naming(string folder) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid) is { } line && line.Contains(folder, StringComparison.Ordinal))];

    public static void KillNaming(string folder)
    {
        foreach (var pid in Naming(folder))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
