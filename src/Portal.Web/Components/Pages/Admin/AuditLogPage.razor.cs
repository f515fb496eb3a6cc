using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Audit;
using Portal.Web.Audit;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// The append-only audit log, newest first, a page at a time, filtered by date, actor, action and text; the filter
/// lives in the address (so a filtered view can be linked, and the CSV link exports exactly it). Admins only: the page
/// is authorized, and the entries are read only for an admin actor.
/// </summary>
public sealed partial class AuditLogPage
{
    /// <remarks>Fifty entries a page.</remarks>
    public const int PageSize = 50;

    private AuditPage? _page;
    private string? _from;
    private string? _to;
    private string? _actor;
    private string? _action;
    private string? _text;

    [Inject]
    private IAuditLog Log { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? Action { get; set; }

    [SupplyParameterFromQuery(Name = "text")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    private int Page => Math.Max(PageNumber ?? 1, 1);

    private int PageCount => _page is null ? 0 : Math.Max(1, (_page.Total + PageSize - 1) / PageSize);

    private AuditQuery Query => new(From, To, Actor, Action, Text);

    private string ExportHref => Query.ToQueryString() is { Length: > 0 } query ? $"{AuditEndpoints.CsvPath}?{query}" : AuditEndpoints.CsvPath;

    private string Showing => string.Create(CultureInfo.InvariantCulture,
        $"Entries {(Page - 1) * PageSize + 1}–{(Page - 1) * PageSize + _page!.Entries.Count} of {_page.Total}, newest first.");

    protected override async Task OnParametersSetAsync()
    {
        (_from, _to, _actor, _action, _text) = (From, To, Actor, Action, Text);
        _page = null;
        if (AuthenticationState is null || (await AuthenticationState).User.ToActor() is not { IsAdmin: true })
        {
            _page = new AuditPage([], 0);
            return;
        }

        _page = await Log.ListAsync(Query.ToFilter(), (Page - 1) * PageSize, PageSize, CancellationToken.None);
    }

    private void Apply() => Navigate(new AuditQuery(_from, _to, _actor, _action, _text), page: 1);

    private Task GoToAsync(int page)
    {
        Navigate(Query, page);
        return Task.CompletedTask;
    }

    private void Navigate(AuditQuery query, int page)
    {
        var parts = new[] { query.ToQueryString(), page > 1 ? string.Create(CultureInfo.InvariantCulture, $"page={page}") : string.Empty }
            .Where(p => p.Length > 0);
        var search = string.Join('&', parts);
        Navigation.NavigateTo(search.Length > 0 ? $"/admin/audit?{search}" : "/admin/audit");
    }

    private static string? Shorten(string? userAgent) => userAgent is { Length: > 60 } ? userAgent[..60] + "…" : userAgent;
}
