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
            _subscription = Notifier.Subscribe(id =>
                _sessions is not null && _sessions.Any(s => s.Id == id) || _sessions is { Count: 0 }
                    ? InvokeAsync(async () =>
                    {
                        await LoadAsync();
                        StateHasChanged();
                    })
                    : Task.CompletedTask);
        }
    }

    private async Task<Actor?> ActorAsync() =>
        AuthenticationState is null ? null : (await AuthenticationState).User.ToActor();

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

    public void Dispose() => _subscription?.Dispose();
}
