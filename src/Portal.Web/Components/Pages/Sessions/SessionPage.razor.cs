using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Orchestration;
using Portal.Infra.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Sessions;

/// <summary>One session: live progress per region and step, Open notebook, Stop.</summary>
public sealed partial class SessionPage : IDisposable
{
    private Session? _session;
    private IReadOnlyList<SessionEvent> _events = [];
    private bool _loading = true;
    private bool _opening;
    private string? _notebookProblem;
    private string? _blockedUrl;
    private IDisposable? _subscription;
    private Timer? _ticker;
    private SessionId _id;

    /// <summary>The session id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = string.Empty;

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private SessionChangeNotifier Notifier { get; set; } = default!;

    [Inject]
    private RegionCatalog Regions { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool CanOpenNotebook => RendererInfo.IsInteractive && !_opening && _session?.State == SessionState.Ready;

    private bool CanStop => RendererInfo.IsInteractive && _session is { State: not (SessionState.Stopping or SessionState.Stopped) };

    protected override async Task OnParametersSetAsync()
    {
        // Only a new id shows "Loading": reloading the same session keeps what is on screen (no flash after prerender).
        _loading = _session is null || _session.Id.Value != Id;
        await LoadAsync();
        _loading = false;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(OnSessionChangedAsync);
            // The cost so far grows with time even when nothing else changes.
            _ticker = new Timer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }
    }

    private Task<Actor?> ActorAsync() => AuthenticationState.ToActorAsync();

    private async Task LoadAsync()
    {
        var actor = await ActorAsync();
        if (actor is null || !SessionId.TryParse(Id, out _id))
        {
            _session = null;
            return;
        }

        _session = await Sessions.FindAsync(actor, _id, CancellationToken.None);
        _events = _session is null ? [] : await Sessions.ListEventsAsync(actor, _id, CancellationToken.None);
    }

    // The orchestrator publishes from its own pass: reload on the circuit without making it wait for this page.
    private Task OnSessionChangedAsync(SessionId changed)
    {
        if (changed == _id)
        {
            _ = InvokeAsync(async () =>
            {
                try
                {
                    await LoadAsync();
                    StateHasChanged();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }

        return Task.CompletedTask;
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
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Stop this session?",
            "Its notebook instance and every stack are deleted. Work that is not saved elsewhere is lost.",
            yesText: "Stop session",
            cancelText: "Keep running");
        if (confirmed != true)
        {
            return;
        }

        var actor = await ActorAsync();
        if (actor is null)
        {
            _notebookProblem = "Your sign-in has expired. Sign in again to stop the session.";
            return;
        }

        await Sessions.StopAsync(actor, _id, CancellationToken.None);
        await LoadAsync();
    }

    private static string Describe(SessionRequest request)
    {
        var datasets = string.Join(" and ", request.Datasets.Select(d => d.Value.ToUpperInvariant()));
        return string.Create(CultureInfo.InvariantCulture,
            $"{request.DataType} · {request.Variable} · {request.StartDate:yyyy-MM-dd} to {request.EndDate:yyyy-MM-dd} · {datasets} · {request.WorkersPerRegion} workers per region");
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _ticker?.Dispose();
    }
}
