using System.Globalization;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>Which sessions My sessions lists.</summary>
public enum SessionListFilter
{
    /// <summary>Sessions that have not ended: they may still cost.</summary>
    Running,

    /// <summary>Sessions that have ended: stopped, or failed and cleaned up.</summary>
    Finished,

    /// <summary>Every session.</summary>
    All,
}

/// <summary>The words My sessions shows for a session, true for every state (an ended session never "stops by itself").</summary>
public static class SessionListText
{
    public static bool Matches(this SessionListFilter filter, Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return filter switch
        {
            SessionListFilter.Running => !session.HasEnded,
            SessionListFilter.Finished => session.HasEnded,
            _ => true,
        };
    }

    /// <summary>What the session is doing now, in a few words.</summary>
    public static string StateLine(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.State switch
        {
            SessionState.Requested => "Waiting to start.",
            SessionState.Provisioning => "Starting its workers and notebook.",
            SessionState.Ready => "Running.",
            SessionState.Stopping => "Stopping: its resources are being deleted.",
            SessionState.Stopped => session.EndedAt is { } ended ? $"Stopped {Stamp(ended)} UTC." : "Stopped.",
            SessionState.Failed when session.HasEnded => "Failed; everything it started is deleted.",
            SessionState.Failed => "Failed; it keeps what it started until you stop it.",
            SessionState.NeedsAttention => "Needs attention: " + (session.AttentionReason ?? "see the session page."),
            _ => session.State.ToString(),
        };
    }

    /// <summary>Time until the automatic stop, or null when the session will not stop by itself (it has ended or is ending).</summary>
    public static TimeSpan? TimeLeft(Session session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.NextAutoStop() is { } stop ? Max(stop.At - now, TimeSpan.Zero) : null;
    }

    /// <summary>"2 h 05 min", "12 min", "less than a minute"; a dash when nothing stops by itself.</summary>
    public static string Duration(TimeSpan? left) => left switch
    {
        null => "–",
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } l => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(l.TotalMinutes):0} min"),
        { } l => string.Create(CultureInfo.InvariantCulture, $"{(int)l.TotalHours} h {l.Minutes:00} min"),
    };

    /// <summary>"Stop" for a session that runs (or failed and keeps its resources), "Cancel" while it starts, else none.</summary>
    public static string? StopLabel(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.State switch
        {
            SessionState.Ready => "Stop",
            SessionState.Failed when !session.HasEnded => "Stop",
            SessionState.Requested or SessionState.Provisioning => "Cancel",
            _ => null,
        };
    }

    /// <summary>The hourly rate as "$2.38/h".</summary>
    public static string Rate(decimal hourlyUsd) => Costs.CostPanel.Money(hourlyUsd) + "/h";

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
