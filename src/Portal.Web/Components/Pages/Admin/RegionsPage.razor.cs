using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Domain;
using Portal.Web.Auth;
using Portal.Web.Components.Costs;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Every region the portal knows, and for worker regions their foundation: status, recent events, Create and Delete;
/// adding a worker region, enabling and disabling one (<c>RegionsPage.Catalogue.cs</c>). Admins only, on the page and
/// again in every handler. The status is read again every few seconds while a foundation
/// is being created or deleted, and at once when any admin creates or deletes one.
/// </summary>
public sealed partial class RegionsPage : IDisposable
{
    private const string AdminsOnly = "Only a Portal.Admin can manage region foundations. Sign in again as an admin.";

    private readonly CancellationTokenSource _lifetime = new();
    private readonly Dictionary<RegionCode, (bool IsError, string Text)> _messages = [];
    private readonly HashSet<RegionCode> _busy = [];
    private IReadOnlyList<RegionFoundationState>? _foundations;
    private IReadOnlyList<ReapedResource> _reaped = [];
    private Dictionary<RegionCode, IReadOnlyList<string>> _planProblems = [];
    private PriceBookStatus? _prices;
    private Dictionary<RegionCode, (IReadOnlyList<DataRepositoryLink>? Links, string? Error)> _associations = [];
    private string? _priceWarning;
    private bool _refreshing;
    private bool _disposed;

    [Inject]
    private IRegionFoundations Foundations { get; set; } = default!;

    [Inject]
    private IChangeFeed<RegionCode> Changes { get; set; } = default!;

    [Inject]
    private ISessionService Sessions { get; set; } = default!;

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Catalog => RegionDirectory.Current;

    [Inject]
    private DatasetCatalog Datasets { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IPriceBookStatusSource PriceStatus { get; set; } = default!;

    [Inject]
    private CostEstimator Costs { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>While the cloud is still working on a foundation, read it again every few seconds; otherwise only on changes.</summary>
    private TimeSpan? PollEvery => _foundations?.Any(f => f.Status.IsChanging()) == true ? Foundations.StatusPollInterval : null;

    private bool CanAct(RegionCode region) => RendererInfo.IsInteractive && !_busy.Contains(region);

    private static readonly Dictionary<string, object> RegionsTableAttributes = new() { ["aria-label"] = "Regions" };

    private (bool IsError, string Text)? MessageFor(RegionCode region) => _messages.TryGetValue(region, out var message) ? message : null;

    private RegionFoundationState? FoundationOf(RegionCode region) => _foundations?.FirstOrDefault(f => f.Region.Code == region);

    /// <summary>The datasets a region's foundation links (those the analysis reads); the rest are counted, not listed.</summary>
    private List<Dataset> DatasetsIn(RegionCode region) => [.. Datasets.In(region).Where(d => d.IsAnalysable)];

    private int OthersIn(RegionCode region) => Datasets.In(region).Count(d => !d.IsAnalysable);

    /// <summary>What the region's foundation bills a month whether or not sessions run, from the price book; null before it loads.</summary>
    private FoundationCost? FoundationCostOf(RegionCode region) => _prices is { } prices ? Costs.Foundation(prices.Book, region) : null;

    private decimal AllFoundationsMonthlyUsd => Catalog.All.Sum(r => FoundationCostOf(r.Code)?.MonthlyUsd ?? 0m);

    private IReadOnlyList<string> PlanProblems(RegionCode region) => _planProblems.TryGetValue(region, out var problems) ? problems : [];

    private static string Coordinates(GeoPoint point) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Math.Abs(point.Latitude):0.00}° {(point.Latitude >= 0 ? 'N' : 'S')}, {Math.Abs(point.Longitude):0.00}° {(point.Longitude >= 0 ? 'E' : 'W')}");

    /// <summary>The signed-in actor when they are an admin; null otherwise (nobody, or a plain user).</summary>
    private async Task LoadAsync()
    {
        var admin = await AuthenticationState.ToAdminAsync();
        _isAdmin = admin is not null;
        if (admin is null)
        {
            _foundations = [];
            return;
        }

        SuggestCidrIfEmpty();

        _prices = await PriceStatus.GetStatusAsync(_lifetime.Token);
        _priceWarning = PriceFreshness.Warning(_prices, Clock.GetUtcNow());
        _foundations = await Foundations.ListAsync(admin, _lifetime.Token);
        _planProblems = Catalog.Workers.ToDictionary(r => r.Code, r => Foundations.Plan(admin, r.Code).Problems);
        _reaped = await Sessions.ListReapedAsync(admin, _lifetime.Token);
        _associations = await LoadAssociationsAsync(admin);
    }

    /// <summary>Each worker region's associations, side by side; a region whose call fails shows why, the others still show.</summary>
    private async Task<Dictionary<RegionCode, (IReadOnlyList<DataRepositoryLink>? Links, string? Error)>> LoadAssociationsAsync(Actor admin)
    {
        var reads = Catalog.Workers.Select(async r =>
        {
            try
            {
                return (r.Code, (Links: await Foundations.ListAssociationsAsync(admin, r.Code, _lifetime.Token), Error: (string?)null));
            }
            catch (CloudOperationException ex)
            {
                return (r.Code, (Links: (IReadOnlyList<DataRepositoryLink>?)null, Error: (string?)$"Could not read the associations from FSx ({ex.ErrorCode}): {ex.Message}"));
            }
        });
        return (await Task.WhenAll(reads)).ToDictionary(p => p.Code, p => p.Item2);
    }

    private (IReadOnlyList<DataRepositoryLink>? Links, string? Error) AssociationsOf(RegionCode region) =>
        _associations.TryGetValue(region, out var found) ? found : (null, null);

    private async Task RefreshInBackgroundAsync()
    {
        if (_refreshing || _disposed)
        {
            return;
        }

        _refreshing = true;
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The page closed while the cloud was answering.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
        finally
        {
            _refreshing = false;
        }
    }

    private async Task CreateAsync(RegionCode region)
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _messages[region] = (true, AdminsOnly);
            return;
        }

        var plan = Foundations.Plan(admin, region);
        if (plan.Spec is not { } spec)
        {
            _messages[region] = (true, string.Join(" ", plan.Problems));
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Create the foundation of {region}?",
            CreateExplanation(spec),
            yesText: "Create foundation",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(region, Foundations.CreateAsync);
        }
    }

    private async Task DeleteAsync(RegionCode region)
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _messages[region] = (true, AdminsOnly);
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete the foundation of {region}?",
            $"Deletes stack {RegionFoundationPlanner.StackName(region)}: the FSx file system (the datasets stay in S3), the Transit Gateway "
            + $"peering and the VPC. Sessions cannot run workers in {region} until it is created again, which takes 20 to 30 minutes. "
            + "The portal refuses while a session that uses the region is not stopped.",
            yesText: "Delete foundation",
            cancelText: "Keep it");
        if (confirmed == true)
        {
            await RunAsync(region, Foundations.DeleteAsync);
        }
    }

    /// <summary>Runs a confirmed command as whoever is signed in now: the role is checked again after the dialog, and by the service.</summary>
    private async Task RunAsync(RegionCode region, Func<Actor, RegionCode, CancellationToken, Task<FoundationCommandResult>> command)
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _messages[region] = (true, AdminsOnly);
            return;
        }

        _busy.Add(region);
        _messages.Remove(region);
        try
        {
            var result = await command(admin, region, _lifetime.Token);
            _messages[region] = (!result.Succeeded, result.Message);
            await LoadAsync();
        }
        finally
        {
            _busy.Remove(region);
        }
    }

    private MarkupString CreateExplanation(RegionFoundationSpec spec)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var datasets = spec.Datasets.Count == 0
            ? "no datasets (this region holds none)"
            : string.Join("; ", spec.Datasets.Select(d => $"{E(d.Name)}: <code>{E(d.Location.S3Uri)}</code> at <code>{E(d.Location.FsxPath)}</code>"));
        return new MarkupString(
            $"<p>Creates stack <code>{E(spec.StackName)}</code> in {E(spec.Region.Value)}, a VPC <code>{E(spec.Parameters[RegionFoundationParameters.VpcCidr])}</code> "
            + "and an ECS cluster that scales from zero. The slow parts:</p><ul>"
            + $"<li><strong>FSx for Lustre</strong>: about 10 minutes, then the link to {datasets}.</li>"
            + $"<li><strong>Transit Gateway peering</strong> with the hub in {E(Catalog.Home.Code.Value)}, accepted from the home region: a few minutes more.</li>"
            + "</ul><p>20 to 30 minutes in all. The file system is billed for as long as the foundation exists.</p>");
    }

    public void Dispose()
    {
        _disposed = true;
        _lifetime.Cancel();
        _lifetime.Dispose();
    }
}
