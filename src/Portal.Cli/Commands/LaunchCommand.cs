using System.CommandLine;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>portal launch … [--wait]</c>: launches a session with the same request options as <c>estimate</c>. Each run sends
/// a new launch key unless <c>--launch-key</c> gives one, so a script that runs the command again after losing the
/// answer gets the session the first run made instead of a second one.
/// </summary>
internal static class LaunchCommand
{
    public static Command Create()
    {
        var request = new SessionRequestOptions();
        var name = new Option<string?>("--name") { Description = "The session's name (default: its datasets and variable)." };
        var launchKey = new Option<string?>("--launch-key") { Description = "Your key for this one intent to launch: running the command again with the same key gives the session the first run made (default: a new key each run)." };
        var allowDuplicate = new Option<bool>("--allow-duplicate") { Description = "Launch even when an identical session of yours is running (both cost)." };
        var wait = new Option<bool>("--wait") { Description = "Follow the session, printing each step as it changes, until it is Ready (exit 0) or fails (exit 6)." };
        var poll = new Option<double>("--poll-seconds") { Description = "How often --wait asks the portal, in seconds.", DefaultValueFactory = _ => 1, Hidden = true };
        var command = new Command("launch", "Launch a session: a Dask scheduler at home and workers next to each dataset.") { name, launchKey, allowDuplicate, wait, poll };
        request.AddTo(command);
        command.SetHandler(async (call, cancellationToken) =>
        {
            var body = request.Body(call.Parse);
            body["name"] = call.Value(name);
            body["launchKey"] = call.Value(launchKey) ?? Guid.NewGuid().ToString("N");
            body["allowDuplicate"] = call.Value(allowDuplicate);
            using var api = call.Connect();
            var session = await api.PostAsync("sessions", body, cancellationToken);
            var id = session.Str("id");
            if (id.Length == 0)
            {
                throw new CliFailure(ExitCodes.Unavailable, $"The portal at {api.Portal} answered the launch without a session id: is it the portal's API?");
            }

            if (!call.Value(wait))
            {
                call.Out.Result(session);
                call.Out.Line($"Launched session {id} ({session.Str("name")}): {session.Str("state")}.");
                call.Out.Line($"Follow it with 'portal status {id}', or launch with --wait.");
                return ExitCodes.Ok;
            }

            var interval = TimeSpan.FromSeconds(Math.Clamp(call.Value(poll), 0.1, 60));
            try
            {
                var (final, exitCode) = await new SessionFollower(api, call.Out, interval).FollowAsync(id, session, cancellationToken);
                call.Out.Result(final);
                return exitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C ends the waiting, not the session.
                call.Out.Progress($"Stopped waiting; session {id} goes on. Follow it with 'portal status {id}', end it with 'portal stop {id}'.");
                return ExitCodes.Interrupted;
            }
        });
        return command;
    }
}
