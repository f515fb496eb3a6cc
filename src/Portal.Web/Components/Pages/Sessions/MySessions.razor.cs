using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain.Sessions;
using Portal.Infra.Orchestration;
using Portal.Infra.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Sessions;

/// <summary>The signed-in user's sessions with status and cost so far, updated live.</summary>
public sealed partial class MySessions : IDisposable
{
    private IReadOnlyList<Session>? _sessions;
    private IDisposable? _subscription;
    private Timer? _ticker;

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private SessionChangeNotifier Notifier { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            // Any session may be this user's (a launch in another tab too): reload, without making the publisher wait.
            _subscription = Notifier.Subscribe(changed =>
            {
                _ = InvokeAsync(ReloadAsync);
                return Task.CompletedTask;
            });
            // The cost so far grows with time even when nothing else changes.
            _ticker = new Timer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }
    }

    private async Task ReloadAsync()
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
    }

    private Task<Actor?> ActorAsync() => AuthenticationState.ToActorAsync();

    private async Task LoadAsync()
    {
        var actor = await ActorAsync();
        _sessions = actor is null ? [] : await Sessions.ListAsync(actor, everyone: false, CancellationToken.None);
    }

    private async Task StopAsync(SessionId id)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Stop this session?",
            "Its notebook instance and every stack are deleted.",
            yesText: "Stop session",
            cancelText: "Keep running");
        var actor = await ActorAsync();
        if (confirmed != true || actor is null)
        {
            return;
        }

        await Sessions.StopAsync(actor, id, CancellationToken.None);
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _ticker?.Dispose();
    }
}
