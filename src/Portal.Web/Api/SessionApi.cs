using System.Security.Claims;
using Portal.Domain.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Api;

/// <summary>The first endpoints of the versioned API: what the notebook's cost cell reads, and what a session reports.</summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization();

        // The notebook has no portal sign-in: it presents its session's cost token instead (checked in the handler,
        // for that one session only). A signed-in user may read the cost of any session they may see.
        api.MapGet("/sessions/{id}/cost", GetCostAsync).AllowAnonymous();

        // The session's own processes (its scheduler plugin, its notebook helper) say it is busy, with the same token.
        api.MapPost("/sessions/{id}/activity", PostActivityAsync).AllowAnonymous().DisableAntiforgery();

        // ...and where its bytes went (the notebook helper's measured data locality), replacing the previous figure.
        api.MapPost("/sessions/{id}/locality", PostLocalityAsync).AllowAnonymous().DisableAntiforgery();

        // What people and their programs do (a signed-in user, a personal API token, an Entra access token).
        api.MapSessionsEndpoints();
        api.MapCatalogueEndpoints();
        api.MapAdminEndpoints();
        return endpoints;
    }

    private static async Task<IResult> GetCostAsync(
        string id,
        HttpRequest request,
        ClaimsPrincipal user,
        ISessionService sessions,
        ISessionReports reports,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!SessionId.TryParse(id, out var sessionId))
        {
            return Results.Problem("There is no such session.", statusCode: StatusCodes.Status404NotFound);
        }

        Session? session;
        // A personal API token or an Entra access token is a sign-in (read by authentication); anything else is a cost token.
        if (BearerToken(request) is { } token && ApiBearer.SchemeFor(request, entra: true) is null)
        {
            session = await reports.FindWithTokenAsync(sessionId, token, cancellationToken);
            if (session is null)
            {
                return Results.Problem("The cost token is not valid for this session, or it has expired.", statusCode: StatusCodes.Status401Unauthorized);
            }
        }
        else if (user.Identity is { IsAuthenticated: true })
        {
            if (!user.HasPortalRole() || user.ToActor() is not { } actor)
            {
                return Results.Problem("Your account has no Portal role.", statusCode: StatusCodes.Status403Forbidden);
            }

            session = await sessions.FindAsync(actor, sessionId, cancellationToken);
        }
        else
        {
            return Results.Problem("Sign in, or present the session's cost token as a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (session is null)
        {
            return Results.Problem("There is no such session, or it is not yours.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = clock.GetUtcNow();
        var resources = session.Steps
            .Select(s => new ResourceCost(s.ResourceName, s.Kind.ToString(), s.Region.Value, s.Spec.HourlyUsd,
                decimal.Round(s.CostSoFarUsd(now), 2, MidpointRounding.AwayFromZero), s.DeletedAt is null && s.StartedAt is not null))
            .ToList();
        return Results.Ok(new SessionCost(session.Id.Value, session.CostSoFarUsd(now), session.HourlyCostUsd, session.State.ToString(), now, resources));
    }

    private static async Task<IResult> PostActivityAsync(
        string id,
        HttpRequest request,
        ISessionReports reports,
        CancellationToken cancellationToken)
    {
        if (!SessionId.TryParse(id, out var sessionId))
        {
            return Results.Problem("There is no such session.", statusCode: StatusCodes.Status404NotFound);
        }

        if (BearerToken(request) is not { } token)
        {
            return Results.Problem("Present the session's token as a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var source = request.Query["source"].ToString() switch
        {
            "" or "scheduler" => ActivitySource.Scheduler,
            "notebook" => ActivitySource.Notebook,
            _ => (ActivitySource?)null,
        };
        if (source is null)
        {
            return Results.Problem("'source' is 'scheduler' or 'notebook'.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await reports.ReportActivityAsync(sessionId, token, source.Value, cancellationToken)
            ? Results.NoContent()
            : Results.Problem("The token is not valid for this session, or it has expired.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> PostLocalityAsync(
        string id,
        HttpRequest request,
        ISessionReports reports,
        CancellationToken cancellationToken)
    {
        if (!SessionId.TryParse(id, out var sessionId))
        {
            return Results.Problem("There is no such session.", statusCode: StatusCodes.Status404NotFound);
        }

        if (BearerToken(request) is not { } token)
        {
            return Results.Problem("Present the session's token as a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // The body is read (at most 64 KB) and checked before the token: checking it says nothing about the session.
        if (await LocalityReport.ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return Results.Problem($"The body is larger than {LocalityReport.MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var read = LocalityReport.Read(body);
        if (read.Figure is not { } figure)
        {
            return Results.Problem(read.Problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await reports.ReportLocalityAsync(sessionId, token, figure, cancellationToken);
        return result.Outcome switch
        {
            LocalityReportOutcome.Accepted => Results.NoContent(),
            LocalityReportOutcome.BadToken => Results.Problem(result.Message, statusCode: StatusCodes.Status401Unauthorized),
            LocalityReportOutcome.NotLive => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
            LocalityReportOutcome.UnknownRegion => Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
            _ => throw new InvalidOperationException($"Unexpected locality report outcome {result.Outcome}."),
        };
    }

    private static string? BearerToken(HttpRequest request) => ApiBearer.Token(request);

    private sealed record SessionCost(string SessionId, decimal CostSoFarUsd, decimal HourlyUsd, string State, DateTimeOffset AsOf, IReadOnlyList<ResourceCost> Resources);

    /// <summary>One resource's cost so far; <paramref name="Costing"/> while it exists (started and not yet deleted).</summary>
    private sealed record ResourceCost(string Name, string Kind, string Region, decimal HourlyUsd, decimal CostSoFarUsd, bool Costing);
}
