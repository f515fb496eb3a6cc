using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain;
using Portal.Domain.Regions;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// The Regions page's changes to the region catalogue: adding a worker region, enabling and disabling one. Each handler
/// asks for the admin role again (and so does <see cref="IRegionAdministration"/>); the page shows what the service said.
/// </summary>
public sealed partial class RegionsPage
{
    private const string RegionAdminsOnly = "Only a Portal.Admin can manage regions. Sign in again as an admin.";

    private bool _isAdmin;
    private string? _newRegion;
    private string? _newCidr;
    private bool _adding;
    private IReadOnlyDictionary<string, string> _addErrors = new Dictionary<string, string>();
    private (bool IsError, string Text)? _catalogueMessage;

    [Inject]
    private IRegionAdministration RegionAdministration { get; set; } = default!;

    [Inject]
    private IChangeFeed<RegionCatalog> CatalogueChanges { get; set; } = default!;

    /// <summary>The AWS regions an admin can add: every commercial region the portal does not use yet.</summary>
    private IEnumerable<AwsRegion> Addable => AwsRegions.All.Where(r => !Catalog.Contains(r.Code)).OrderBy(r => r.Code.Value, StringComparer.Ordinal);

    private string CidrHelp => WorkerRegionDraft.SuggestCidr(Catalog) is { } free
        ? $"A /16 inside 10.0.0.0/8 that overlaps no other region; {free} is free."
        : "A /16 inside 10.0.0.0/8 that overlaps no other region.";

    private bool HasAddError(string field) => _addErrors.ContainsKey(field);

    private string? AddErrorOf(string field) => _addErrors.TryGetValue(field, out var error) ? error : null;

    private void NewRegionChanged(string? code)
    {
        _newRegion = code;
        _addErrors = new Dictionary<string, string>();
    }

    /// <summary>Offers the first free block as the CIDR when the field is empty (a page just opened, or after an add).</summary>
    private void SuggestCidrIfEmpty()
    {
        if (string.IsNullOrWhiteSpace(_newCidr))
        {
            _newCidr = WorkerRegionDraft.SuggestCidr(Catalog)?.ToString();
        }
    }

    private async Task AddWorkerRegionAsync()
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _catalogueMessage = (true, RegionAdminsOnly);
            return;
        }

        _adding = true;
        try
        {
            var result = await RegionAdministration.AddWorkerAsync(admin, new WorkerRegionDraft { Region = _newRegion, Cidr = _newCidr }, _lifetime.Token);
            _catalogueMessage = (!result.Succeeded, result.Message);
            _addErrors = result.Errors;
            if (result.Succeeded)
            {
                _newRegion = null;
                _newCidr = null;
                await LoadAsync();
            }
        }
        finally
        {
            _adding = false;
        }
    }

    private async Task DisableAsync(Region region)
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _catalogueMessage = (true, RegionAdminsOnly);
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Disable {region.Code}?",
            $"New sessions cannot put workers in {region.Code} ({region.DisplayName}) while it is disabled: a launch or an estimate that needs "
            + "them is refused, and the explore map shows the region as disabled. Sessions running there now are not touched: they continue "
            + "until they stop. Its foundation stays (and keeps billing); delete it separately if it is no longer needed.",
            yesText: "Disable region",
            cancelText: "Keep it enabled");
        if (confirmed == true)
        {
            await SetEnabledAsync(region.Code, enabled: false);
        }
    }

    private Task EnableAsync(Region region) => SetEnabledAsync(region.Code, enabled: true);

    /// <summary>Runs as whoever is signed in now: the role is checked again after the dialog, and by the service.</summary>
    private async Task SetEnabledAsync(RegionCode region, bool enabled)
    {
        var admin = await AuthenticationState.ToAdminAsync();
        if (admin is null)
        {
            _catalogueMessage = (true, RegionAdminsOnly);
            return;
        }

        _busy.Add(region);
        try
        {
            var result = await RegionAdministration.SetEnabledAsync(admin, region, enabled, _lifetime.Token);
            _catalogueMessage = (!result.Succeeded, result.Message);
            await LoadAsync();
        }
        finally
        {
            _busy.Remove(region);
        }
    }
}
