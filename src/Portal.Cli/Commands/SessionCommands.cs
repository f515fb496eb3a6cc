using System.CommandLine;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary><c>portal open</c>, <c>portal stop</c> and <c>portal extend</c>: one call each on one session.</summary>
internal static class SessionCommands
{
    public static Command Open()
    {
        var id = IdArgument();
        var browser = new Option<bool>("--browser") { Description = "Open the notebook in your browser ($BROWSER, else the system's) instead of printing its URL." };
        var command = new Command("open", "Get a fresh one-time notebook URL for your session and print it, or open it with --browser. The URL is a credential: do not share it.") { id, browser };
        command.SetHandler(async (call, cancellationToken) =>
        {
            using var api = call.Connect();
            var answer = await api.PostAsync($"sessions/{CommandActions.Segment(call.Value(id))}/notebook-url", null, cancellationToken);
            var url = answer.Str("url");
            call.Out.Result(answer);
            if (call.Value(browser))
            {
                Browser.Open(url);
                call.Out.Line($"Opened the notebook of session {call.Value(id)} in your browser.");
            }
            else
            {
                call.Out.Line(url);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Stop()
    {
        var id = IdArgument();
        var command = new Command("stop", "Stop a session (or cancel it while it is being created); everything it created is deleted.") { id };
        command.SetHandler((call, cancellationToken) => CommandAsync(call, $"sessions/{CommandActions.Segment(call.Value(id))}/stop", null, cancellationToken));
        return command;
    }

    public static Command Extend()
    {
        var id = IdArgument();
        var hours = new Option<int>("--hours") { Description = "Hours to add to the session's lifetime (1 or more); 0 (the default) restarts its idle deadline only.", DefaultValueFactory = _ => 0 };
        var command = new Command("extend", "Keep a session longer: add hours to its lifetime, or restart its idle deadline.") { id, hours };
        command.SetHandler((call, cancellationToken) =>
            CommandAsync(call, $"sessions/{CommandActions.Segment(call.Value(id))}/extend", new { hours = call.Value(hours) }, cancellationToken));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The session's id (from 'portal sessions')." };

    private static async Task<int> CommandAsync(Invocation call, string path, object? body, CancellationToken cancellationToken)
    {
        using var api = call.Connect();
        var answer = await api.PostAsync(path, body, cancellationToken);
        call.Out.Result(answer);
        call.Out.Line(answer.Str("message"));
        return ExitCodes.Ok;
    }
}
