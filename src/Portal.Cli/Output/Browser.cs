using System.Diagnostics;

namespace Portal.Cli.Output;

/// <summary>Opens a URL in the user's browser without a shell, so nothing in the URL is interpreted, and without logging it.</summary>
internal static class Browser
{
    public static void Open(string url)
    {
        var start = Environment.GetEnvironmentVariable("BROWSER") is { Length: > 0 } browser
            ? new ProcessStartInfo(browser.Split(Path.PathSeparator)[0])
            : OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
            : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open")
            : new ProcessStartInfo("xdg-open");
        if (!start.UseShellExecute)
        {
            start.ArgumentList.Add(url);
        }

        try
        {
            using var process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CliFailure(ExitCodes.Usage, $"Could not start a browser ({start.FileName}: {ex.Message}): set BROWSER, or run 'portal open' without --browser to print the URL.");
        }
    }
}
