using System.Security.Claims;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Api;

/// <summary>The first endpoints of the versioned API: what the notebook's cost cell reads.</summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization();
        api.MapGet("/sessions/{id}/cost", GetCostAsync);
        return endpoints;
    }

    private static async Task<IResult> GetCostAsync(string id, ClaimsPrincipal user, SessionService sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (actor is null)
        {
            return Results.Unauthorized();
        }

        if (!SessionId.TryParse(id, out var sessionId) || await sessions.FindAsync(actor, sessionId, cancellationToken) is not { } session)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow();
        return Results.Ok(new SessionCost(session.Id.Value, session.CostSoFarUsd(now), session.HourlyCostUsd, session.State.ToString(), now));
    }

    private sealed record SessionCost(string SessionId, decimal CostSoFarUsd, decimal HourlyUsd, string State, DateTimeOffset AsOf);
}
