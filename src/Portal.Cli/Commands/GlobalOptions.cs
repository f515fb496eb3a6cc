using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal static class GlobalOptions
{
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's answer as JSON on standard output (the API's field names); messages and progress go to standard error.",
        Recursive = true,
    };

    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file to use instead of $XDG_CONFIG_HOME/portal/config.json (~/.config/portal/config.json).",
        Recursive = true,
    };
}
