using System.Security.Claims;
using Microsoft.Net.Http.Headers;
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

        // The notebook has no portal sign-in: it presents its session's cost token instead (checked in the handler,
        // for that one session only). A signed-in user may read the cost of any session they may see.
        api.MapGet("/sessions/{id}/cost", GetCostAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> GetCostAsync(
        string id,
        HttpRequest request,
        ClaimsPrincipal user,
        SessionService sessions,
        SessionCostTokens costTokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!SessionId.TryParse(id, out var sessionId))
        {
            return Results.Problem("There is no such session.", statusCode: StatusCodes.Status404NotFound);
        }

        Session? session;
        if (BearerToken(request) is { } token)
        {
            if (!costTokens.IsValidFor(token, sessionId))
            {
                return Results.Problem("The cost token is not valid for this session, or it has expired.", statusCode: StatusCodes.Status401Unauthorized);
            }

            session = await sessions.FindForCostTokenAsync(sessionId, cancellationToken);
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
        return Results.Ok(new SessionCost(session.Id.Value, session.CostSoFarUsd(now), session.HourlyCostUsd, session.State.ToString(), now));
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private sealed record SessionCost(string SessionId, decimal CostSoFarUsd, decimal HourlyUsd, string State, DateTimeOffset AsOf);
}
