using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Auth;

using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Sessions;

/// <summary>One session: live progress per region and step, its data locality, Open notebook, Stop or Cancel, Retry, Extend, Rename.</summary>
public sealed partial class SessionPage
{
    private Session? _session;
    private IReadOnlyList<SessionEvent> _events = [];
    private DataLocality? _locality;
    private StepDurations _durations = StepDurations.None;
    private bool _loading = true;
    private bool _opening;
    private bool _isAdmin;
    private bool _renaming;
    private string _newName = string.Empty;
    private string? _notebookProblem;
    private string? _commandMessage;
    private string? _blockedUrl;
    private SessionId _id;

    /// <summary>The session id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = string.Empty;

    [Inject]
    private ISessionService Sessions { get; set; } = default!;

    [Inject]
    private IChangeFeed<SessionChange> Changes { get; set; } = default!;

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Regions => RegionDirectory.Current;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The sandbox's simulated compute; null on AWS.</summary>
    private ISandboxCompute? SandboxCompute => Services.GetService<ISandboxCompute>();

    /// <summary>Real compute in the sandbox (its sessions report real Dask activity, so they need no "Simulate busy"); null otherwise.</summary>
    private ISessionAnalysis? Analysis => Services.GetService<ISessionAnalysis>();

    private bool CanOpenNotebook => RendererInfo.IsInteractive && !_opening && _session?.State == SessionState.Ready;

    private bool IsProvisioning => _session?.State is SessionState.Requested or SessionState.Provisioning;

    private bool CanStop => _session is { } s
                            && (s.State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready || (s.State == SessionState.Failed && !s.HasEnded));

    private bool CanRetry => RendererInfo.IsInteractive && _session is { State: SessionState.Failed } s && s.Steps.All(step => step.Status != StepStatus.InProgress);

    protected override async Task OnParametersSetAsync()
    {
        // Only a new id shows "Loading": reloading the same session keeps what is on screen (no flash after prerender).
        _loading = _session is null || _session.Id.Value != Id;
        if (_loading)
        {
            // What earlier sessions took: read once per page, it does not change while this one starts.
            _durations = await Sessions.GetStepDurationsAsync(CancellationToken.None);
        }

        await LoadAsync();
        _loading = false;
    }

    private Task<Actor?> ActorAsync() => AuthenticationState.ToActorAsync();

    private async Task LoadAsync()
    {
        var actor = await ActorAsync();
        _isAdmin = actor?.IsAdmin == true;
        if (actor is null || !SessionId.TryParse(Id, out _id))
        {
            _session = null;
            _locality = null;
            return;
        }

        _session = await Sessions.FindAsync(actor, _id, CancellationToken.None);
        _events = _session is null ? [] : await Sessions.ListEventsAsync(actor, _id, CancellationToken.None);
        _locality = _session is null ? null : await Sessions.FindLocalityAsync(actor, _id, CancellationToken.None);
    }

    private async Task OpenNotebookAsync()
    {
        var actor = await ActorAsync();
        if (actor is null)
        {
            _notebookProblem = "Your sign-in has expired. Sign in again to open the notebook.";
            return;
        }

        _opening = true;
        _notebookProblem = null;
        _blockedUrl = null;
        try
        {
            // Ask for the presigned URL now: it is valid for minutes only. Never log it.
            var link = await Sessions.CreateNotebookLinkAsync(actor, _id, CancellationToken.None);
            if (link.Url is null)
            {
                _notebookProblem = link.Problem;
                return;
            }

            var url = Navigation.ToAbsoluteUri(link.Url.OriginalString).AbsoluteUri;
            if (!await Js.InvokeAsync<bool>("portal.openInNewTab", url))
            {
                _blockedUrl = url;
            }
        }
        finally
        {
            _opening = false;
        }
    }

    private async Task StopAsync()
    {
        if (await Dialogs.ConfirmStopAsync(cancelling: IsProvisioning))
        {
            await CommandAsync((actor, ct) => Sessions.StopAsync(actor, _id, ct));
        }
    }

    private async Task SimulateBusyAsync(bool busy)
    {
        // Only the session's owner (or an admin) sees it here: FindAsync checked the actor when the page loaded; check again.
        if (await ActorAsync() is not { } actor || await Sessions.FindAsync(actor, _id, CancellationToken.None) is null)
        {
            _commandMessage = "Your sign-in has expired. Sign in again.";
            return;
        }

        SandboxCompute?.SetBusy(_id, busy);
        _commandMessage = busy ? "Simulated compute is busy: the session reports activity and is not stopped as idle." : "Simulated compute is idle.";
        await LoadAsync();
    }

    private Task RetryAsync() => CommandAsync((actor, ct) => Sessions.RetryAsync(actor, _id, ct));

    private Task ResumeCleanUpAsync() => CommandAsync((actor, ct) => Sessions.ResumeCleanUpAsync(actor, _id, ct));

    private Task ExtendAsync(SessionExtension extension) => CommandAsync((actor, ct) => Sessions.ExtendAsync(actor, _id, extension, ct));

    private void StartRename()
    {
        _newName = _session?.Name ?? string.Empty;
        _renaming = true;
    }

    private async Task RenameAsync()
    {
        await CommandAsync((actor, ct) => Sessions.RenameAsync(actor, _id, _newName, ct));
        _renaming = _commandMessage is not "Renamed.";
    }

    /// <summary>Every command asks who is signed in at the moment it acts, and says how it went.</summary>
    private async Task CommandAsync(Func<Actor, CancellationToken, Task<SessionCommandResult>> command)
    {
        if (await ActorAsync() is not { } actor)
        {
            _commandMessage = "Your sign-in has expired. Sign in again.";
            return;
        }

        var result = await command(actor, CancellationToken.None);
        _commandMessage = result.Message;
        // Said where the eye is (a snackbar) and kept beside the buttons (the status line) for screen readers and later.
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }

    private static string CleanUpText(Session session)
    {
        if (session.HasEnded)
        {
            return "Everything it created is deleted: it no longer costs. Retry creates what failed again and keeps nothing else running.";
        }

        if (session.Steps.Any(s => s.Status == StepStatus.InProgress))
        {
            return "The failed resource is still finishing (rolling back); what was created is deleted once it has.";
        }

        return session.CleanUpOnFailure
            ? "Deleting what it created, so that it stops costing."
            : "What it created keeps running (and costing) until you Stop it; Retry re-runs only the failed steps.";
    }

    private string Describe(SessionRequest request)
    {
        var datasets = string.Join(" and ", request.Datasets.Select(d => Catalog.TryGetAny(d, out var dataset) ? dataset.Name : d.Value));
        return string.Create(CultureInfo.InvariantCulture,
            $"{request.DataType} · {request.Variable} · {request.StartDate:yyyy-MM-dd} to {request.EndDate:yyyy-MM-dd} · {datasets} · {request.WorkersPerRegion} workers per region");
    }
}
