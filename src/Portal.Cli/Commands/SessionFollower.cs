using System.Text.Json;
using Portal.Cli.Api;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary>
/// Follows a session until it is Ready or has failed, printing its state and each step whenever they change (so the
/// terminal shows the same progress as the session page). Polls <c>GET /sessions/{id}</c>.
/// </summary>
internal sealed class SessionFollower(PortalApi api, Terminal terminal, TimeSpan interval)
{
    private readonly Dictionary<string, string> _steps = new(StringComparer.Ordinal);
    private string? _state;

    /// <summary>The session when it ended up Ready (exit 0) or anything else it settled in (exit 6).</summary>
    public async Task<(JsonElement Session, int ExitCode)> FollowAsync(string id, JsonElement? first, CancellationToken cancellationToken)
    {
        var session = first ?? await api.GetAsync($"sessions/{CommandActions.Segment(id)}", cancellationToken);
        while (true)
        {
            Report(session);
            switch (session.Str("state"))
            {
                case "Ready":
                    terminal.Progress($"Session {id} is Ready. Open its notebook with 'portal open {id}'.");
                    return (session, ExitCodes.Ok);
                case "Failed" or "NeedsAttention" or "Stopping" or "Stopped":
                    var reason = session.Str("failureReason");
                    terminal.Progress($"Session {id} is {session.Str("state")}, not Ready{(reason.Length > 0 ? ": " + reason : ".")}");
                    return (session, ExitCodes.SessionFailed);
            }

            await Task.Delay(interval, cancellationToken);
            session = await api.GetAsync($"sessions/{CommandActions.Segment(id)}", cancellationToken);
        }
    }

    /// <summary>The session's state, then its steps; after the first time, the steps first, so "Ready" comes last.</summary>
    private void Report(JsonElement session)
    {
        if (_state is null)
        {
            ReportState(session);
        }

        foreach (var step in session.Items("steps"))
        {
            var name = step.Str("name");
            var status = step.Str("status");
            if (_steps.TryGetValue(name, out var seen) && string.Equals(seen, status, StringComparison.Ordinal))
            {
                continue;
            }

            _steps[name] = status;
            var message = step.Str("message");
            terminal.Progress($"{DateTimeOffset.UtcNow:HH:mm:ss}   {name} ({step.Str("kind")}, {step.Str("region")}): {status}{(message.Length > 0 ? " - " + message : string.Empty)}");
        }

        ReportState(session);
    }

    private void ReportState(JsonElement session)
    {
        var state = session.Str("state");
        if (!string.Equals(state, _state, StringComparison.Ordinal))
        {
            terminal.Progress($"{DateTimeOffset.UtcNow:HH:mm:ss} session {session.Str("id")}: {state}");
            _state = state;
        }
    }
}
