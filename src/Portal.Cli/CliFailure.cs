using System.Text.Json;

namespace Portal.Cli;

/// <summary>
/// A command that cannot go on: what to tell the user, the exit code, and the API's problem details when there were
/// some (printed as they came with <c>--json</c>). Messages never hold the token or a notebook URL.
/// </summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(int exitCode, string message, JsonElement? problem = null)
        : base(message)
    {
        ExitCode = exitCode;
        Problem = problem;
    }

    public CliFailure()
    {
    }

    public CliFailure(string message)
        : base(message)
    {
    }

    public CliFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Usage;

    public JsonElement? Problem { get; }
}
