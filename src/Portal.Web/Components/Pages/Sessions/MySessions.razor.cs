using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain;
using Portal.Domain.Sessions;
using Portal.Web.Auth;
using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Sessions;

/// <summary>The signed-in user's sessions with state, rate, time left and cost so far, filtered and sortable, updated live.</summary>
public sealed partial class MySessions
{
    private static readonly Dictionary<string, object> TableAttributes = new()
    {
        ["aria-label"] = "My sessions",
        ["data-testid"] = "sessions-table",
    };

    private IReadOnlyList<Session>? _sessions;
    private string? _owner;
    private string? _message;
    private SessionListFilter _filter = SessionListFilter.All;

    [Inject]
    private ISessionService Sessions { get; set; } = default!;

    [Inject]
    private IChangeFeed<SessionChange> Changes { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Newest first until the user sorts by a column.</summary>
    private IEnumerable<Session> Shown =>
        (_sessions ?? []).Where(s => _filter.Matches(s)).OrderByDescending(s => s.CreatedAt);

    private string NoneShown => _filter switch
    {
        SessionListFilter.Running => "No running sessions. Finished ones are under Finished.",
        SessionListFilter.Finished => "No finished sessions yet.",
        _ => "No sessions.",
    };

    /// <summary>The explore page with the form filled from this session's request.</summary>
    internal static string LaunchAgainHref(Session session) => $"/?from={Uri.EscapeDataString(session.Id.Value)}";

    private static string? StopLabel(Session session) => SessionListText.StopLabel(session);

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Only this user's sessions (a launch in another tab too), not everyone's.</summary>
    private bool Mine(SessionChange change) => change.Owner == _owner;

    private Task<Actor?> ActorAsync() => AuthenticationState.ToActorAsync();

    private string FilterLabel(SessionListFilter filter) =>
        $"{filter} ({(_sessions ?? []).Count(s => filter.Matches(s))})";

    private void FilterChanged(SessionListFilter filter) => _filter = filter;

    private async Task LoadAsync()
    {
        var actor = await ActorAsync();
        _owner = actor?.Id;
        _sessions = actor is null ? [] : await Sessions.ListAsync(actor, everyone: false, CancellationToken.None);
    }

    private async Task StopAsync(Session session)
    {
        var confirmed = await Dialogs.ConfirmStopAsync(cancelling: StopLabel(session) == "Cancel");
        var actor = await ActorAsync();
        if (!confirmed || actor is null)
        {
            return;
        }

        Report(await Sessions.StopAsync(actor, session.Id, CancellationToken.None));
        await LoadAsync();
    }

    private async Task ExtendAsync(SessionId id, SessionExtension extension)
    {
        if (await ActorAsync() is not { } actor)
        {
            _message = "Your sign-in has expired. Sign in again to extend the session.";
            return;
        }

        Report(await Sessions.ExtendAsync(actor, id, extension, CancellationToken.None));
        await LoadAsync();
    }

    /// <summary>A result shows as a snackbar and stays in the page's status line.</summary>
    private void Report(SessionCommandResult result)
    {
        _message = result.Message;
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Warning);
    }
}
