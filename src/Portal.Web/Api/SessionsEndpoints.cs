using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Api;

/// <summary>
/// <c>/api/v1/sessions</c>: launch, list, read, stop, extend, retry and open a session through <see cref="ISessionService"/>,
/// which checks the actor again on every call (the rate limit and budgets included).
/// </summary>
internal static class SessionsEndpoints
{
    public static RouteGroupBuilder MapSessionsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions", ListAsync).WithName("ListSessions");
        api.MapPost("/sessions", CreateAsync).RequireAuthorization(ApiPolicies.Write).WithName("CreateSession");
        api.MapGet("/sessions/{id}", GetAsync).WithName("GetSession");
        api.MapPost("/sessions/{id}/stop", StopAsync).RequireAuthorization(ApiPolicies.Write).WithName("StopSession");
        api.MapPost("/sessions/{id}/extend", ExtendAsync).RequireAuthorization(ApiPolicies.Write).WithName("ExtendSession");
        api.MapPost("/sessions/{id}/retry", RetryAsync).RequireAuthorization(ApiPolicies.Write).WithName("RetrySession");

        // Created at the call, for the owner only; the URL is a credential: it is in this answer and nowhere else.
        api.MapPost("/sessions/{id}/notebook-url", NotebookUrlAsync).RequireAuthorization(ApiPolicies.Write).WithName("CreateNotebookUrl");
        return api;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ISessionService sessions, TimeProvider clock, HttpRequest request,
        [FromQuery] bool? all, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return NoActor();
        }

        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem!;
        }

        if (all == true && !actor.IsAdmin)
        {
            return Results.Problem("Only admins may list everyone's sessions ('all=true').", statusCode: StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        var list = await sessions.ListAsync(actor, all == true, cancellationToken);
        return Results.Ok(paging.Of([.. list.Select(s => SessionSummary.From(s, now))], request));
    }

    private static async Task<IResult> CreateAsync(ClaimsPrincipal user, ISessionService sessions, TimeProvider clock,
        SessionRequestBody? body, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return NoActor();
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Send the session's request as a JSON object (see the OpenAPI document).");
        }

        var (request, errors) = body.ToRequest();
        if (request is null)
        {
            return ApiProblems.Validation(errors);
        }

        var result = await sessions.LaunchAsync(actor, new LaunchCommand(request, body.Name, body.LaunchKey, body.AllowDuplicate), cancellationToken);
        if (result.SessionId is { } id && await sessions.FindAsync(actor, id, cancellationToken) is { } session)
        {
            var detail = SessionDetail.From(session, null, clock.GetUtcNow());
            return Results.Created($"/api/v1/sessions/{id}", detail);
        }

        if (result.RunningDuplicate is { } running)
        {
            return Results.Problem(
                "An identical session of yours is running: use it, or send 'allowDuplicate': true to launch another beside it (both cost).",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["runningSession"] = running.Value });
        }

        return result.Errors switch
        {
            [{ Field: SessionRequestField.Name, Message: var wait }] when wait.StartsWith("Too many launches", StringComparison.Ordinal) =>
                Results.Problem(wait, statusCode: StatusCodes.Status429TooManyRequests),
            [{ Field: SessionRequestField.Budget, Message: var refusal }] =>
                Results.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Over budget"),
            _ => ApiProblems.Validation(result.Errors),
        };
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, ISessionService sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return NoActor();
        }

        if (!SessionId.TryParse(id, out var sessionId) || await sessions.FindAsync(actor, sessionId, cancellationToken) is not { } session)
        {
            return ApiProblems.NotFound();
        }

        var locality = await sessions.FindLocalityAsync(actor, sessionId, cancellationToken);
        return Results.Ok(SessionDetail.From(session, locality, clock.GetUtcNow()));
    }

    private static Task<IResult> StopAsync(string id, ClaimsPrincipal user, ISessionService sessions, CancellationToken cancellationToken) =>
        CommandAsync(id, user, (actor, sessionId) => sessions.StopAsync(actor, sessionId, cancellationToken));

    private static Task<IResult> RetryAsync(string id, ClaimsPrincipal user, ISessionService sessions, CancellationToken cancellationToken) =>
        CommandAsync(id, user, (actor, sessionId) => sessions.RetryAsync(actor, sessionId, cancellationToken));

    private static async Task<IResult> ExtendAsync(string id, ClaimsPrincipal user, ISessionService sessions, ExtendBody? body, CancellationToken cancellationToken)
    {
        var hours = body?.Hours ?? 0;
        if (hours is < 0 or > SessionRequestValidator.MaxHours)
        {
            return ApiProblems.Validation("hours", $"'hours' is 0 (restart the idle deadline) or 1 to {SessionRequestValidator.MaxHours} (added to the lifetime).");
        }

        return await CommandAsync(id, user, (actor, sessionId) => sessions.ExtendAsync(actor, sessionId, new SessionExtension(hours), cancellationToken));
    }

    private static async Task<IResult> NotebookUrlAsync(string id, ClaimsPrincipal user, ISessionService sessions, HttpRequest request, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor)
        {
            return NoActor();
        }

        if (!SessionId.TryParse(id, out var sessionId) || await sessions.FindAsync(actor, sessionId, cancellationToken) is not { } session)
        {
            return ApiProblems.NotFound();
        }

        // Admins see every session, but a notebook holds its owner's work: only the owner opens it.
        if (!string.Equals(session.Owner, actor.Id, StringComparison.Ordinal))
        {
            return Results.Problem("Only the session's owner may open its notebook.", statusCode: StatusCodes.Status403Forbidden);
        }

        var link = await sessions.CreateNotebookLinkAsync(actor, sessionId, cancellationToken);
        return link.Url is { } url
            // The sandbox's notebooks live on the portal itself (a relative URL): a program needs the whole address.
            ? Results.Ok(new NotebookUrl((url.IsAbsoluteUri ? url : new Uri(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"), url)).ToString()))
            : Results.Problem(link.Problem, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> CommandAsync(string id, ClaimsPrincipal user, Func<Actor, SessionId, Task<SessionCommandResult>> command)
    {
        if (user.ToActor() is not { } actor)
        {
            return NoActor();
        }

        return SessionId.TryParse(id, out var sessionId) ? ApiProblems.Command(await command(actor, sessionId)) : ApiProblems.NotFound();
    }

    private static IResult NoActor() =>
        Results.Problem("Your sign-in carries no stable identity.", statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The body of <c>POST /sessions/{id}/extend</c>: 0 (or no body) restarts the idle deadline; 1 or more adds hours to the lifetime.</summary>
internal sealed record ExtendBody(int Hours);

/// <summary>A fresh presigned notebook URL. A credential: do not log or share it.</summary>
internal sealed record NotebookUrl(string Url);
