using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using MudBlazor;
using Portal.Web.Auth;
using Portal.Web.Components.Costs;
using Portal.Web.Components.Datasets;
using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Explore;

/// <summary>The explore page: map, dataset list, session form, cost panel and Launch.</summary>
public partial class Explore
{
    private PriceBook? _priceBook;
    private string? _priceWarning;
    private CostEstimate? _estimate;
    private bool _launching;
    private bool _interacted;
    private string? _launchProblem;
    private string? _name;

    /// <summary>This form's one intent to launch: every submit carries it, so a double click or a resubmit makes one session.</summary>
    private readonly string _launchKey = Guid.NewGuid().ToString("N");

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Regions => RegionDirectory.Current;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private SessionRequestValidator Validator { get; set; } = default!;

    [Inject]
    private DatasetAdvisor Advisor { get; set; } = default!;

    [Inject]
    private Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue Stores { get; set; } = default!;

    [Inject]
    private DatasetSearchCache SearchCache { get; set; } = default!;

    [Inject]
    private ISessionService Sessions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IPriceBookStatusSource PriceStatus { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Explore> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>"Launch again": the id of a session of this user whose request fills the form.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    private string? From { get; set; }

    private SessionFormModel Model { get; set; } = new();

    private DatasetFilter _filter = DatasetFilter.None;
    private IReadOnlyList<Dataset> _shown = [];
    private IReadOnlyDictionary<RegionCode, int> _regionCounts = new Dictionary<RegionCode, int>();
    private IReadOnlyList<DatasetNotice> _notices = [];

    private DatasetSearch Search => SearchCache.For(Catalog);

    private DatasetFilter FilterValue
    {
        get => _filter;
        set
        {
            _filter = value;
            ApplyFilter();
        }
    }

    private IReadOnlyList<Dataset> SelectedDatasets =>
        [.. Model.Datasets.Select(id => Catalog.TryGet(id, out var d) ? d : null).OfType<Dataset>().OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)];

    private Dictionary<RegionCode, int> SelectedCounts =>
        SelectedDatasets.GroupBy(d => d.Location.Region).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The session the form was filled from, when it was.</summary>
    private Session? _filledFrom;

    private IReadOnlyList<FieldError> Errors { get; set; } = [];

    /// <summary>Messages appear once the user has done something: a fresh page greets, it does not scold.</summary>
    private IReadOnlyList<FieldError> VisibleErrors => _interacted ? Errors : [];

    private bool Interactive => RendererInfo.IsInteractive;

    private string DefaultName => SessionName.Default(Model.ToRequest());

    /// <summary>What keeps the estimate from showing: every message but the session name's, which changes no cost.</summary>
    private IReadOnlyList<FieldError> CostProblems => [.. Errors.Where(e => e.Field != SessionRequestField.Name)];

    private string? NameError => Errors.FirstOrDefault(e => e.Field == SessionRequestField.Name)?.Message;

    private bool CanLaunch => Interactive && !_launching && Errors.Count == 0 && _priceBook is not null;

    protected override async Task OnInitializedAsync()
    {
        var status = await PriceStatus.GetStatusAsync(CancellationToken.None);
        _priceBook = status.Book;
        _priceWarning = PriceFreshness.Warning(status, Clock.GetUtcNow());
        await FillFromSessionAsync();
        ApplyFilter();
        Recalculate();
    }

    private void ApplyFilter()
    {
        _shown = Search.Find(_filter);
        _regionCounts = Search.CountByRegion(_filter);
    }

    /// <summary>A region's marker lists that region's datasets; the active region's marker lists every region again.</summary>
    private void ToggleRegion(RegionCode region) => FilterValue = _filter with { Region = _filter.Region == region ? null : region };

    /// <summary>Only the user's own sessions (FindAsync checks): an id from someone else's link fills nothing.</summary>
    private async Task FillFromSessionAsync()
    {
        if (!SessionId.TryParse(From, out var id) || await AuthenticationState.ToActorAsync() is not { } actor)
        {
            return;
        }

        if (await Sessions.FindAsync(actor, id, CancellationToken.None) is { } session)
        {
            Model = SessionFormModel.FromRequest(session.Request);
            _filledFrom = session;
        }
    }

    private void Changed()
    {
        _interacted = true;
        Recalculate();
    }

    private void Recalculate()
    {
        Errors = Model.Validate(Validator);
        _notices = Advisor.For(Model.Datasets, _priceBook);
        _launchProblem = null;
        // The panel shows no figure while the form has problems: no estimate (and no data volume query) until it can launch.
        _estimate = _priceBook is not null && CostProblems.Count == 0 ? Sessions.Estimate(_priceBook, Model.ToRequest()) : null;
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
            var command = new LaunchCommand(Model.ToRequest(), _name, _launchKey);
            var result = await Sessions.LaunchAsync(actor, command, CancellationToken.None);
            if (result.RunningDuplicate is { } running)
            {
                var open = await Dialogs.ShowMessageBoxAsync(
                    "An identical session is running",
                    "You already have a session with exactly this data and compute. Open it, or launch another one beside it (both cost).",
                    yesText: "Open the running session",
                    cancelText: "Launch another");
                if (open == true)
                {
                    Navigation.NavigateTo($"/sessions/{running}");
                    return;
                }

                if (open is null)
                {
                    return;
                }

                result = await Sessions.LaunchAsync(actor, command with { AllowDuplicate = true }, CancellationToken.None);
            }

            if (result.SessionId is { } id)
            {
                Navigation.NavigateTo($"/sessions/{id}");
                return;
            }

            if (result.Errors is [{ Field: SessionRequestField.Name or SessionRequestField.Budget, Message: var refusal }])
            {
                // About the launch, not the form (the launch limit, a budget): said beside the button, and Launch stays usable.
                _launchProblem = refusal;
                return;
            }

            if (result.Errors.Count > 0 && result.Errors.All(e => e.Field == SessionRequestField.Quota))
            {
                // Portal limits and service quotas are about the launch too: every reason beside the button.
                _launchProblem = string.Join(" ", result.Errors.Select(e => e.Message));
                return;
            }

            Errors = result.Errors;
            _launchProblem = "The session was not launched: fix the messages on the form.";
        }
        catch (StoreUnavailableException ex)
        {
            // Not a moment's trouble: trying again does not help until an operator deals with the database.
            Logger.LogError(ex, "Launching a session failed: the store cannot keep it");
            _launchProblem = $"The session was not launched: {ex.Message}";
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
