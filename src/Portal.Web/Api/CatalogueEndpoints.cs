using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Budgets;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Auth;
using Portal.Web.Components.Datasets;

namespace Portal.Web.Api;

/// <summary>What a caller reads before launching: the estimate, the dataset catalogue, the regions and their own budgets.</summary>
internal static class CatalogueEndpoints
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/estimate", EstimateAsync).WithName("Estimate");
        api.MapGet("/datasets", SearchDatasets).WithName("SearchDatasets");
        api.MapGet("/regions", ListRegions).WithName("ListRegions");
        api.MapGet("/budgets/mine", MyBudgetsAsync).WithName("MyBudgets");
        api.MapGet("/quotas/mine", MyQuotasAsync).WithName("MyQuotas");
        return api;
    }

    private static async Task<IResult> EstimateAsync(SessionRequestBody? body, ISessionService sessions, SessionRequestValidator validator,
        IPriceBookStatusSource prices, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ApiProblems.BadRequest("Send the session's request as a JSON object (see the OpenAPI document).");
        }

        var (request, errors) = body.ToRequest();
        if (request is null)
        {
            return ApiProblems.Validation(errors);
        }

        // As the form: no figure while the request has problems.
        if (validator.Validate(request) is { Count: > 0 } problems)
        {
            return ApiProblems.Validation(problems);
        }

        if ((await prices.GetStatusAsync(cancellationToken)).Book is not { } book)
        {
            return Results.Problem("No price book is loaded yet: try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok(EstimateView.From(sessions.Estimate(book, request)));
    }

    private static IResult SearchDatasets(DatasetCatalog catalog, DatasetSearchCache cache, HttpRequest request,
        [FromQuery] string? q, [FromQuery] string? tag, [FromQuery] string? format, [FromQuery] string? region, [FromQuery] bool? analysable,
        [FromQuery] int? page, [FromQuery] int? pageSize)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }

        if (q is { Length: > MaxQueryLength } || tag is { Length: > MaxQueryLength })
        {
            return ApiProblems.Validation(q is { Length: > MaxQueryLength } ? "q" : "tag", $"At most {MaxQueryLength} characters.");
        }

        DataFormat? dataFormat = null;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (!Enum.TryParse<DataFormat>(format, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || format.All(char.IsDigit))
            {
                return ApiProblems.Validation("format", $"'format' is one of {string.Join(", ", Enum.GetNames<DataFormat>())}.");
            }

            dataFormat = parsed;
        }

        RegionCode? regionCode = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionCode.TryParse(region, out var code))
            {
                return ApiProblems.Validation("region", "'region' is an AWS region code such as us-east-1.");
            }

            regionCode = code;
        }

        var search = cache.For(catalog);
        var filter = new DatasetFilter { Text = q, Tag = string.IsNullOrWhiteSpace(tag) ? null : tag, Format = dataFormat, Region = regionCode, AnalysableOnly = analysable == true };
        var found = search.Find(filter);
        var facets = new DatasetFacets(
            [.. search.CountByRegion(filter).OrderByDescending(c => c.Value).Select(c => new FacetCount(c.Key.Value, c.Value))],
            [.. found.GroupBy(d => d.Format).OrderByDescending(g => g.Count()).Select(g => new FacetCount(g.Key.ToString(), g.Count()))],
            [.. found.SelectMany(d => d.Tags).GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(50).Select(g => new FacetCount(g.Key, g.Count()))]);
        var page1 = paging.Of([.. found.Select(DatasetView.From)], request);
        return Results.Ok(new DatasetSearchAnswer(page1.Items, page1.Page, page1.PageSize, page1.Total, page1.Next, facets));
    }

    private static IResult ListRegions(IRegionDirectory regions) =>
        Results.Ok(regions.Current.All.Select(RegionView.From).ToList());

    private static async Task<IResult> MyBudgetsAsync(System.Security.Claims.ClaimsPrincipal user, IBudgetReports budgets, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return Results.Problem("Your sign-in carries no stable identity.", statusCode: StatusCodes.Status403Forbidden);
        }

        var mine = await budgets.ListMineAsync(actor, cancellationToken);
        return Results.Ok(mine.Select(b => new BudgetView(b.Budget.Id, b.Budget.Name, b.Budget.Scope.ToString(), b.Budget.MonthlyLimitUsd, b.SpendUsd, b.PercentUsed, b.LeftForLaunchesUsd, b.Describe())).ToList());
    }

    /// <summary>The portal limits that apply to the caller (a limit nobody set is absent: there is none).</summary>
    private static async Task<IResult> MyQuotasAsync(System.Security.Claims.ClaimsPrincipal user, IQuotaService quotas, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return Results.Problem("Your sign-in carries no stable identity.", statusCode: StatusCodes.Status403Forbidden);
        }

        var limits = await quotas.MyLimitsAsync(actor, cancellationToken);
        var named = new (string Name, AppliedLimit? Limit)[]
        {
            ("maxConcurrentSessions", limits.MaxConcurrentSessions),
            ("maxWorkersPerSession", limits.MaxWorkersPerSession),
            ("maxWorkersPerRegion", limits.MaxWorkersPerRegion),
            ("maxLifetimeHours", limits.MaxLifetimeHours),
            ("idleTimeoutMinMinutes", limits.IdleTimeoutMinMinutes),
            ("idleTimeoutMaxMinutes", limits.IdleTimeoutMaxMinutes),
        };
        return Results.Ok(named.Where(n => n.Limit is not null)
            .Select(n => new LimitView(n.Name, n.Limit!.Value, n.Limit.From.ToString(), n.Limit.Source)).ToList());
    }
}

/// <summary>One portal limit as it applies to the caller: its value and where it comes from ("limit for group 'Team X'").</summary>
internal sealed record LimitView(string Name, int Value, string Scope, string Source);

internal sealed record DatasetView(string Id, string Name, string Kind, string Region, string S3Uri, string Format, bool Analysable, IReadOnlyList<string> Tags, long? SizeBytes, string Description)
{
    public static DatasetView From(Dataset d) =>
        new(d.Id.Value, d.Name, d.Kind.ToString(), d.Location.Region.Value, d.Location.S3Uri, d.Format.ToString(), d.IsAnalysable, d.Tags, d.SizeBytes, d.Description);
}

/// <summary>How many datasets the search keeps per region (the region filter ignored, as the map shows), format and tag.</summary>
internal sealed record DatasetFacets(IReadOnlyList<FacetCount> Regions, IReadOnlyList<FacetCount> Formats, IReadOnlyList<FacetCount> Tags);

internal sealed record FacetCount(string Value, int Count);

internal sealed record DatasetSearchAnswer(IReadOnlyList<DatasetView> Items, int Page, int PageSize, int Total, string? Next, DatasetFacets Facets);

/// <summary>A region as GET /api/v1/regions returns it; <c>Enabled</c> is false for a worker region an admin disabled (no new workers there).</summary>
internal sealed record RegionView(string Code, string Name, string Role, double Latitude, double Longitude, bool Enabled)
{
    public static RegionView From(Region r) => new(r.Code.Value, r.DisplayName, r.Role.ToString(), r.Location.Latitude, r.Location.Longitude, r.Enabled);
}

internal sealed record BudgetView(string Id, string Name, string Scope, decimal MonthlyLimitUsd, decimal SpendUsd, int PercentUsed, decimal? LeftForLaunchesUsd, string Summary);
