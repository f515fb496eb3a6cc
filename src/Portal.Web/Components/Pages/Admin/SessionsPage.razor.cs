using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Auth;
using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Every user's sessions (Needs attention first) with owner, regions, state, age, cost so far and rate; filters; Force stop;
/// the reaper's findings. Admins only, on the page and again in every handler; the session service checks the actor too.
/// </summary>
public sealed partial class SessionsPage : IDisposable
{
    private const string AdminsOnly = "Only a Portal.Admin can stop another user's session. Sign in again as an admin.";

    private static readonly Dictionary<string, object> TableAttributes = new()
    {
        ["aria-label"] = "All sessions",
        ["data-testid"] = "admin-sessions-table",
    };

    private readonly CancellationTokenSource _lifetime = new();
    private readonly HashSet<SessionId> _busy = [];
    private IReadOnlyList<Session>? _sessions;
    private IReadOnlyList<ReapedResource> _reaped = [];
    private string? _message;
    private SessionState? _state;
    private string? _user;
    private RegionCode? _region;
    private bool _attentionOnly;
    private bool _refreshing;

    [Inject]
    private ISessionService Sessions { get; set; } = default!;

    [Inject]
    private IChangeFeed<SessionChange> Changes { get; set; } = default!;

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Catalog => RegionDirectory.Current;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The sessions the filters let through, in the service's order (Needs attention first).</summary>
    private IEnumerable<Session> Shown => (_sessions ?? []).Where(Matches);

    private string AttentionLabel => $"Needs attention only ({(_sessions ?? []).Count(s => s.State == SessionState.NeedsAttention)})";

    internal static string StateLabel(SessionState state) => state == SessionState.NeedsAttention ? "Needs attention" : state.ToString();

    /// <summary>The regions running the session's workers, or a dash when it has none (yet).</summary>
    internal static string Regions(Session session) =>
        session.PoolRegions.Count == 0 ? "–" : string.Join(", ", session.PoolRegions.Select(r => r.Value));

    protected override Task OnInitializedAsync() => LoadAsync();

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private bool Matches(Session session) =>
        (_state is not { } state || session.State == state)
        && (string.IsNullOrWhiteSpace(_user) || session.OwnerName.Contains(_user.Trim(), StringComparison.OrdinalIgnoreCase))
        && (_region is not { } region || session.PoolRegions.Contains(region))
        && (!_attentionOnly || session.State == SessionState.NeedsAttention);

    private void StateChanged(SessionState? state) => _state = state;

    private void UserChanged(string? user) => _user = user;

    private void RegionChanged(RegionCode? region) => _region = region;

    private void AttentionChanged(bool attentionOnly) => _attentionOnly = attentionOnly;

    /// <summary>The signed-in actor when they are an admin; null otherwise (nobody, or a plain user).</summary>
    private async Task LoadAsync()
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            _sessions = [];
            _reaped = [];
            return;
        }

        _sessions = await Sessions.ListAsync(admin, everyone: true, _lifetime.Token);
        _reaped = [.. (await Sessions.ListReapedAsync(admin, _lifetime.Token)).OrderByDescending(r => r.ReapedAt)];
    }

    private async Task RefreshInBackgroundAsync()
    {
        if (_refreshing || _lifetime.IsCancellationRequested)
        {
            return;
        }

        _refreshing = true;
        try
        {
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The page closed while the store was answering.
        }
        finally
        {
            _refreshing = false;
        }
    }

    /// <summary>Asks first, then stops the session as whoever is signed in now: the role is checked before and after the dialog.</summary>
    private async Task ForceStopAsync(Session session)
    {
        if (await AuthenticationState.ToAdminAsync() is null)
        {
            Refuse();
            return;
        }

        if (!await Dialogs.ConfirmStopAsync(cancelling: SessionListText.StopLabel(session) == "Cancel"))
        {
            return;
        }

        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            Refuse();
            return;
        }

        _busy.Add(session.Id);
        try
        {
            var result = await Sessions.StopAsync(admin, session.Id, _lifetime.Token);
            _message = $"{session.Name} ({session.OwnerName}): {result.Message}";
            Snackbar.Add(_message, result.Succeeded ? Severity.Success : Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _busy.Remove(session.Id);
        }
    }

    private void Refuse()
    {
        _message = AdminsOnly;
        Snackbar.Add(AdminsOnly, Severity.Error);
    }
}
