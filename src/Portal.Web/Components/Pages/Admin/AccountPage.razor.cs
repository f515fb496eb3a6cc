using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Regions;
using Portal.Web.Auth;
using Portal.Web.Components.Sessions;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// The account and principal the portal acts as (STS GetCallerIdentity; the sandbox says it has none), its regions, and
/// its price book's age. Admins only: nothing is asked of the cloud for anyone else. A failed call is shown, not thrown.
/// </summary>
public sealed partial class AccountPage : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private CloudIdentity? _identity;
    private string? _identityError;
    private PriceBookStatus? _prices;

    [Inject]
    private ICloudAccount Account { get; set; } = default!;

    [Inject]
    private CloudInfo Cloud { get; set; } = default!;

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Catalog => RegionDirectory.Current;

    [Inject]
    private IPriceBookStatusSource PriceStatus { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (await AuthenticationState.ToActorAsync() is not { IsAdmin: true })
        {
            _identityError = "Only a Portal.Admin can see the portal's account.";
            return;
        }

        _prices = await PriceStatus.GetStatusAsync(_lifetime.Token);
        try
        {
            _identity = await Account.GetCallerIdentityAsync(_lifetime.Token);
        }
        catch (CloudOperationException ex)
        {
            _identityError = $"The portal could not ask AWS who it is ({ex.ErrorCode}): {ex.Message}";
        }
    }

    /// <summary>How old the prices are: since they were fetched, or (the bundled snapshot) since their date.</summary>
    private TimeSpan Age(PriceBook book) =>
        Clock.GetUtcNow() - (book.FetchedAt ?? new DateTimeOffset(book.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>Days for anything a day or longer ("3 days"), else hours and minutes.</summary>
    internal static string Span(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} day{((int)span.TotalDays == 1 ? "" : "s")}")
        : HumanDuration.Format(span);

    private static string Fetched(PriceBook book) => book.FetchedAt is { } at
        ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
        : "Never: the bundled snapshot ships with the portal";
}
