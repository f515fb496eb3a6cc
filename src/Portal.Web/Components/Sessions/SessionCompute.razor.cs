using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Cloud;
using Portal.Web.Auth;

namespace Portal.Web.Components.Sessions;

/// <summary>
/// The sandbox's compute for one session: whether it runs real processes, the Dask dashboard, and "Run analysis" (the
/// notebook executed headless in the session) with its figures. Shows nothing on AWS.
/// </summary>
public sealed partial class SessionCompute : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);
    private AnalysisRun? _run;
    private Uri? _dashboard;
    private string? _message;
    private bool _starting;
    private ITimer? _timer;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public required Portal.Domain.Sessions.Session Session { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private ILocalCompute? Local => Services.GetService<ILocalCompute>();

    private ISessionAnalysis? Analysis => Services.GetService<ISessionAnalysis>();

    private bool CanRun => Analysis?.CanRun(Session) == true;

    protected override async Task OnParametersSetAsync()
    {
        _dashboard = Local?.DashboardFor(Session.Id);
        if (CanRun && await AuthenticationState.ToActorAsync() is { } actor)
        {
            _run = await Analysis!.FindAsync(actor, Session.Id, CancellationToken.None);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && CanRun)
        {
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(PollAsync), null, PollEvery, PollEvery);
        }
    }

    private async Task PollAsync()
    {
        if (_run?.Status != AnalysisStatus.Running && _dashboard is not null)
        {
            return;
        }

        await OnParametersSetAsync();
        if (_run is { Status: not AnalysisStatus.Running })
        {
            // "Running" said what Start did; the run's own status says the rest.
            _message = null;
        }

        StateHasChanged();
    }

    private async Task RunAsync()
    {
        // The user is checked again at the moment of acting.
        if (await AuthenticationState.ToActorAsync() is not { } actor)
        {
            _message = "Your sign-in has ended. Sign in again to run the analysis.";
            return;
        }

        _starting = true;
        try
        {
            var start = await Analysis!.StartAsync(actor, Session.Id, CancellationToken.None);
            _message = start.Message;
            _run = await Analysis.FindAsync(actor, Session.Id, CancellationToken.None);
        }
        finally
        {
            _starting = false;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
