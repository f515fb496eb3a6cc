using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Auth;
using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Explore;

/// <summary>The explore page: map, dataset list, session form, cost panel and Launch.</summary>
public partial class Explore
{
    private PriceBook? _priceBook;
    private CostEstimate? _estimate;
    private bool _launching;
    private bool _interacted;
    private string? _launchProblem;

    [Inject]
    private RegionCatalog Regions { get; set; } = default!;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private SessionRequestValidator Validator { get; set; } = default!;

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Explore> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private SessionFormModel Model { get; } = new();

    private IReadOnlyList<FieldError> Errors { get; set; } = [];

    /// <summary>Messages appear once the user has done something: a fresh page greets, it does not scold.</summary>
    private IReadOnlyList<FieldError> VisibleErrors => _interacted ? Errors : [];

    private bool Interactive => RendererInfo.IsInteractive;

    private bool CanLaunch => Interactive && !_launching && Errors.Count == 0 && _priceBook is not null;

    protected override async Task OnInitializedAsync()
    {
        _priceBook = await Sessions.GetPriceBookAsync(CancellationToken.None);
        Recalculate();
    }

    private void Changed()
    {
        _interacted = true;
        Recalculate();
    }

    private void Recalculate()
    {
        Errors = Model.Validate(Validator);
        _launchProblem = null;
        if (_priceBook is not null)
        {
            _estimate = Sessions.Estimate(_priceBook, Model.ToRequest());
        }
    }

    private void Toggle(DatasetId id)
    {
        _interacted = true;
        if (!Model.Datasets.Remove(id))
        {
            Model.Datasets.Add(id);
        }

        Recalculate();
    }

    private async Task LaunchAsync()
    {
        // Authorization again inside the handler: the page check ran when the circuit started.
        var actor = await AuthenticationState.ToActorAsync();
        if (actor is null)
        {
            _launchProblem = "Your sign-in has expired. Sign in again to launch.";
            return;
        }

        _interacted = true;
        Recalculate();
        if (Errors.Count > 0)
        {
            return;
        }

        _launching = true;
        try
        {
            var result = await Sessions.LaunchAsync(actor, Model.ToRequest(), CancellationToken.None);
            if (result.SessionId is { } id)
            {
                Navigation.NavigateTo($"/sessions/{id}");
                return;
            }

            Errors = result.Errors;
            _launchProblem = "The session was not launched: fix the messages on the form.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A launch that could not be saved creates nothing in the cloud: say so, keep the form, let them retry.
            Logger.LogError(ex, "Launching a session failed");
            _launchProblem = "The session could not be launched just now; nothing was created. Try Launch again in a moment.";
        }
        finally
        {
            _launching = false;
        }
    }
}
