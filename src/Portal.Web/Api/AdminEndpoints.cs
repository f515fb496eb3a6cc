using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Datasets;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Web.Audit;
using Portal.Web.Auth;

namespace Portal.Web.Api;

/// <summary>
/// <c>/api/v1/admin</c>: what the admin pages do, for scripts. Admins only (the group's policy, and every handler asks
/// again); calls that change something also need a read-write token. Each goes through the pages' use cases, so the
/// same validation and the same audit entries apply.
/// </summary>
internal static class AdminEndpoints
{
    public const int BudgetMonths = 6;

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(ApiPolicies.Admin);
        admin.MapGet("/audit", ListAuditAsync).WithName("AdminListAudit");
        admin.MapGet("/quotas/limits", ListLimitsAsync).WithName("AdminListLimits");
        admin.MapPut("/quotas/limits/{scope}", SaveLimitsAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminSaveLimits");
        admin.MapDelete("/quotas/limits/{scope}", DeleteLimitsAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminDeleteLimits");
        admin.MapGet("/quotas/service", ListServiceQuotasAsync).WithName("AdminListServiceQuotas");
        admin.MapGet("/budgets", ListBudgetsAsync).WithName("AdminListBudgets");
        admin.MapPost("/budgets", CreateBudgetAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminCreateBudget");
        admin.MapPut("/budgets/{id}", UpdateBudgetAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminUpdateBudget");
        admin.MapDelete("/budgets/{id}", DeleteBudgetAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminDeleteBudget");
        admin.MapGet("/datasets", ListDatasets).WithName("AdminListDatasets");
        admin.MapPost("/datasets/{id}/enable", (string id, ClaimsPrincipal user, DatasetCatalog catalog, IDatasetAdministration datasets, CancellationToken ct) =>
            SetDatasetEnabledAsync(id, true, user, catalog, datasets, ct)).RequireAuthorization(ApiPolicies.Write).WithName("AdminEnableDataset");
        admin.MapPost("/datasets/{id}/disable", (string id, ClaimsPrincipal user, DatasetCatalog catalog, IDatasetAdministration datasets, CancellationToken ct) =>
            SetDatasetEnabledAsync(id, false, user, catalog, datasets, ct)).RequireAuthorization(ApiPolicies.Write).WithName("AdminDisableDataset");
        admin.MapPut("/datasets/{id}", UpdateDatasetAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminUpdateDataset");
        admin.MapPost("/regions", AddRegionAsync).RequireAuthorization(ApiPolicies.Write).WithName("AdminAddRegion");
        admin.MapPost("/regions/{code}/enable", (string code, ClaimsPrincipal user, IRegionDirectory directory, IRegionAdministration regions, CancellationToken ct) =>
            SetRegionEnabledAsync(code, true, user, directory, regions, ct)).RequireAuthorization(ApiPolicies.Write).WithName("AdminEnableRegion");
        admin.MapPost("/regions/{code}/disable", (string code, ClaimsPrincipal user, IRegionDirectory directory, IRegionAdministration regions, CancellationToken ct) =>
            SetRegionEnabledAsync(code, false, user, directory, regions, ct)).RequireAuthorization(ApiPolicies.Write).WithName("AdminDisableRegion");
        return api;
    }

    private static IResult NotAdmin() =>
        Results.Problem("Only admins may do this.", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> ListAuditAsync(ClaimsPrincipal user, IAuditLog log, HttpRequest request,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? actor, [FromQuery] string? action, [FromQuery] string? text,
        [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true })
        {
            return NotAdmin();
        }

        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }

        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !DateOnly.TryParseExact(value.Trim(), AuditQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ApiProblems.Validation(name, $"'{name}' is a UTC date written {AuditQuery.DateFormat}.");
            }
        }

        var filter = new AuditQuery(from, to, actor, action, text).ToFilter();
        var found = await log.ListAsync(filter, paging.Skip, paging.PageSize, cancellationToken);
        return Results.Ok(new PagedList<AuditEntryView>([.. found.Entries.Select(AuditEntryView.From)], paging.Page, paging.PageSize, found.Total, paging.NextFor(found.Total, request)));
    }

    private static async Task<IResult> ListLimitsAsync(ClaimsPrincipal user, IQuotaService quotas, CancellationToken cancellationToken) =>
        user.ToActor() is { IsAdmin: true } admin
            ? Results.Ok((await quotas.ListLimitsAsync(admin, cancellationToken)).Select(LimitsView.From).ToList())
            : NotAdmin();

    private static async Task<IResult> SaveLimitsAsync(string scope, LimitsBody? body, ClaimsPrincipal user, IQuotaService quotas, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Send the limits as a JSON object (see the OpenAPI document); leave a limit out to not set it.");
        }

        PortalLimits limits;
        try
        {
            limits = PortalLimits.Create(LimitScope.Parse(scope), body.MaxConcurrentSessions, body.MaxWorkersPerSession, body.MaxWorkersPerRegion,
                body.MaxLifetimeHours, body.IdleTimeoutMinMinutes, body.IdleTimeoutMaxMinutes);
        }
        catch (DomainException ex)
        {
            return ApiProblems.Validation("limits", ex.Message);
        }

        var result = await quotas.SaveLimitsAsync(admin, limits, cancellationToken);
        return result.Succeeded ? Results.Ok(LimitsView.From(limits)) : ApiProblems.BadRequest(result.Message);
    }

    private static async Task<IResult> DeleteLimitsAsync(string scope, ClaimsPrincipal user, IQuotaService quotas, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        LimitScope parsed;
        try
        {
            parsed = LimitScope.Parse(scope);
        }
        catch (DomainException ex)
        {
            return ApiProblems.Validation("scope", ex.Message);
        }

        var existing = await quotas.ListLimitsAsync(admin, cancellationToken);
        if (!existing.Any(l => l.Scope == parsed))
        {
            return Results.Problem($"No limits are set for {parsed}.", statusCode: StatusCodes.Status404NotFound);
        }

        var result = await quotas.DeleteLimitsAsync(admin, parsed, cancellationToken);
        return result.Succeeded ? Results.NoContent() : ApiProblems.BadRequest(result.Message);
    }

    private static async Task<IResult> ListServiceQuotasAsync(ClaimsPrincipal user, IQuotaService quotas, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        var regions = await quotas.ReadServiceQuotasAsync(admin, cancellationToken);
        return Results.Ok(regions.Select(r => new RegionQuotasView(
            r.Region.Value, r.Role.ToString(),
            [.. r.Quotas.Select(q => new ServiceQuotaView(q.Key.Name, q.Key.ServiceCode, q.Quota.QuotaCode, q.Quota.Value, q.InUse, q.Headroom, q.Key.Unit, q.Quota.Adjustable))],
            r.Problems)).ToList());
    }

    private static async Task<IResult> ListBudgetsAsync(ClaimsPrincipal user, IBudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        var histories = await budgets.ListAsync(admin, BudgetMonths, cancellationToken);
        return Results.Ok(histories.Select(AdminBudgetView.From).ToList());
    }

    private static async Task<IResult> CreateBudgetAsync(BudgetBody? body, ClaimsPrincipal user, IBudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        var id = body?.Id?.Trim();
        if (id is { Length: > 0 } && (await budgets.ListAsync(admin, 1, cancellationToken)).Any(b => b.Budget.Id == id))
        {
            return Results.Problem($"A budget with the id '{id}' exists already: change it with PUT /api/v1/admin/budgets/{id}, or choose another id.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return await SaveBudgetAsync(body?.Id, body, isNew: true, user, budgets, cancellationToken);
    }

    private static async Task<IResult> UpdateBudgetAsync(string id, BudgetBody? body, ClaimsPrincipal user, IBudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (!(await budgets.ListAsync(admin, 1, cancellationToken)).Any(b => b.Budget.Id == id))
        {
            return Results.Problem($"There is no budget '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return await SaveBudgetAsync(id, body, isNew: false, user, budgets, cancellationToken);
    }

    private static async Task<IResult> SaveBudgetAsync(string? id, BudgetBody? body, bool isNew, ClaimsPrincipal user, IBudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Send the budget as a JSON object (see the OpenAPI document).");
        }

        var draft = new BudgetDraft
        {
            Id = id,
            Name = body.Name,
            Scope = body.Scope,
            MonthlyLimitUsd = body.MonthlyLimitUsd?.ToString(CultureInfo.InvariantCulture),
            Thresholds = body.Thresholds ?? BudgetThreshold.Format(BudgetThreshold.Defaults),
            ExemptAdmins = body.ExemptAdmins ?? false,
        };
        var result = await budgets.SaveAsync(admin, draft, isNew, cancellationToken);
        if (result.Succeeded)
        {
            var saved = (await budgets.ListAsync(admin, BudgetMonths, cancellationToken)).First(b => b.Budget.Id == draft.Id!.Trim());
            return isNew
                ? Results.Created($"/api/v1/admin/budgets/{Uri.EscapeDataString(saved.Budget.Id)}", AdminBudgetView.From(saved))
                : Results.Ok(AdminBudgetView.From(saved));
        }

        if (result.Errors.Count == 0)
        {
            return Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict);
        }

        return Results.ValidationProblem(result.Errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }), detail: result.Message);
    }

    private static async Task<IResult> DeleteBudgetAsync(string id, ClaimsPrincipal user, IBudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (!(await budgets.ListAsync(admin, 1, cancellationToken)).Any(b => b.Budget.Id == id))
        {
            return Results.Problem($"There is no budget '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var result = await budgets.DeleteAsync(admin, id, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult ListDatasets(ClaimsPrincipal user, DatasetCatalog catalog, HttpRequest request, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize)
    {
        if (user.ToActor() is not { IsAdmin: true })
        {
            return NotAdmin();
        }

        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }

        if (q is { Length: > CatalogueEndpoints.MaxQueryLength })
        {
            return ApiProblems.Validation("q", $"At most {CatalogueEndpoints.MaxQueryLength} characters.");
        }

        var text = q?.Trim();
        var found = catalog.Everything
            .Where(d => string.IsNullOrEmpty(text)
                        || d.Id.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                        || d.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(d => new AdminDatasetView(DatasetView.From(d), !catalog.IsDisabled(d.Id)))
            .ToList();
        return Results.Ok(paging.Of(found, request));
    }

    private static async Task<IResult> SetDatasetEnabledAsync(string id, bool enabled, ClaimsPrincipal user, DatasetCatalog catalog, IDatasetAdministration datasets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (Unknown(id, catalog, out var datasetId) is { } problem)
        {
            return problem;
        }

        return Answer(await datasets.SetEnabledAsync(admin, datasetId, enabled, cancellationToken));
    }

    private static async Task<IResult> UpdateDatasetAsync(string id, DatasetDisplayBody? body, ClaimsPrincipal user, DatasetCatalog catalog, IDatasetAdministration datasets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (Unknown(id, catalog, out var datasetId) is { } problem)
        {
            return problem;
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Send the title, description and tags as a JSON object.");
        }

        var tags = body.Tags is null ? null : string.Join(", ", body.Tags);
        return Answer(await datasets.UpdateDisplayAsync(admin, datasetId, new DatasetDisplayDraft(body.Title, body.Description, tags), cancellationToken));
    }

    /// <summary>A 400 for an id that cannot be one, a 404 for one the catalogue (disabled datasets included) does not hold; else null.</summary>
    private static IResult? Unknown(string id, DatasetCatalog catalog, out DatasetId datasetId)
    {
        if (!DatasetId.TryParse(id, out datasetId))
        {
            return ApiProblems.Validation("id", "A dataset id is lower-case letters, digits and '-' (for example era5).");
        }

        return catalog.TryGetAny(datasetId, out _)
            ? null
            : Results.Problem($"There is no dataset '{datasetId}' in the catalogue.", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>A dataset change: 200 with the sentence, else 400 with the field errors or the reason.</summary>
    private static IResult Answer(DatasetEditResult result)
    {
        if (result.Succeeded)
        {
            return Results.Ok(new AdminAnswer(result.Message));
        }

        return result.Errors.Count > 0
            ? Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), detail: result.Message)
            : ApiProblems.BadRequest(result.Message);
    }

    private static async Task<IResult> AddRegionAsync(RegionBody? body, ClaimsPrincipal user, IRegionDirectory directory, IRegionAdministration regions, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Send the region as a JSON object: {\"region\": \"ap-southeast-2\", \"cidr\": \"10.3.0.0/16\"}.");
        }

        var result = await regions.AddWorkerAsync(admin, new WorkerRegionDraft { Region = body.Region, Cidr = body.Cidr }, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Errors.Count > 0
                ? Results.ValidationProblem(result.Errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }), detail: result.Message)
                : ApiProblems.BadRequest(result.Message);
        }

        var added = directory.Current.Get(RegionCode.Parse(body.Region!.Trim()));
        return Results.Created($"/api/v1/regions", RegionView.From(added));
    }

    private static async Task<IResult> SetRegionEnabledAsync(string code, bool enabled, ClaimsPrincipal user, IRegionDirectory directory, IRegionAdministration regions, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsAdmin: true } admin)
        {
            return NotAdmin();
        }

        if (!RegionCode.TryParse(code, out var region) || !directory.Current.Contains(region))
        {
            return Results.Problem($"'{code}' is not one of the portal's regions (GET /api/v1/regions lists them).", statusCode: StatusCodes.Status404NotFound);
        }

        var result = await regions.SetEnabledAsync(admin, region, enabled, cancellationToken);
        return result.Succeeded ? Results.Ok(new AdminAnswer(result.Message)) : Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict);
    }

    private static string JsonName(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}

internal sealed record AdminAnswer(string Message);

internal sealed record AuditEntryView(long Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string ObjectType, string ObjectId, string Detail, string? SourceIp, string? UserAgent)
{
    public static AuditEntryView From(AuditEntry e) => new(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.ObjectType, e.ObjectId, e.Detail, e.SourceIp, e.UserAgent);
}

/// <summary>A scope's portal limits; a limit left out (null) is not set at this scope.</summary>
internal sealed record LimitsView(string Scope, int? MaxConcurrentSessions, int? MaxWorkersPerSession, int? MaxWorkersPerRegion, int? MaxLifetimeHours, int? IdleTimeoutMinMinutes, int? IdleTimeoutMaxMinutes)
{
    public static LimitsView From(PortalLimits l) => new(l.Scope.ToString(), l.MaxConcurrentSessions, l.MaxWorkersPerSession, l.MaxWorkersPerRegion, l.MaxLifetimeHours, l.IdleTimeoutMinMinutes, l.IdleTimeoutMaxMinutes);
}

/// <summary>The limits of a scope as sent; each one optional.</summary>
internal sealed record LimitsBody(int? MaxConcurrentSessions, int? MaxWorkersPerSession, int? MaxWorkersPerRegion, int? MaxLifetimeHours, int? IdleTimeoutMinMinutes, int? IdleTimeoutMaxMinutes);

internal sealed record RegionQuotasView(string Region, string Role, IReadOnlyList<ServiceQuotaView> Quotas, IReadOnlyList<string> Problems);

internal sealed record ServiceQuotaView(string Name, string ServiceCode, string QuotaCode, double Value, double InUse, double Headroom, string Unit, bool Adjustable);

internal sealed record BudgetMonthView(string Month, decimal SpendUsd);

internal sealed record AdminBudgetView(string Id, string Name, string Scope, decimal MonthlyLimitUsd, string Thresholds, bool ExemptAdmins, decimal ThisMonthUsd, int PercentUsed, IReadOnlyList<BudgetMonthView> Months)
{
    public static AdminBudgetView From(BudgetHistory h) => new(
        h.Budget.Id, h.Budget.Name, h.Budget.Scope.ToString(), h.Budget.MonthlyLimitUsd, BudgetThreshold.Format(h.Budget.Thresholds), h.Budget.ExemptAdmins,
        h.ThisMonthUsd, h.ThisMonth.PercentUsed, [.. h.Months.Select(m => new BudgetMonthView(m.Month.Key, m.SpendUsd))]);
}

/// <summary>A budget as sent: the id in the body on create (in the path on update), thresholds as the page writes them.</summary>
internal sealed record BudgetBody(string? Id, string? Name, string? Scope, decimal? MonthlyLimitUsd, string? Thresholds, bool? ExemptAdmins);

/// <summary>A worker region to add: an AWS region code and its VPC's CIDR (a /16 inside 10.0.0.0/8).</summary>
internal sealed record RegionBody(string? Region, string? Cidr);

internal sealed record AdminDatasetView(DatasetView Dataset, bool Enabled);

internal sealed record DatasetDisplayBody(string? Title, string? Description, IReadOnlyList<string>? Tags);
