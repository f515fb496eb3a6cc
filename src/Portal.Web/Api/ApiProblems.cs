using Portal.Domain.Sessions;

namespace Portal.Web.Api;

/// <summary>RFC 9457 problem details for the API's answers that are not a success.</summary>
internal static class ApiProblems
{
    public static IResult NotFound() =>
        Results.Problem("There is no such session, or it is not yours.", statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A 400 with one message per field, keyed by the field's JSON name.</summary>
    public static IResult Validation(IEnumerable<FieldError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: "The request has problems: see 'errors', one list of messages per field.");

    public static IResult Validation(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    /// <summary>How a stop, extend or retry went: 200 with the message when done, else a problem.</summary>
    public static IResult Command(SessionCommandResult result) => result.Outcome switch
    {
        SessionCommandOutcome.Done or SessionCommandOutcome.Unchanged => Results.Ok(new CommandAnswer(result.Outcome.ToString(), result.Message)),
        SessionCommandOutcome.NotFound => NotFound(),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
    };

    public static string FieldName(SessionRequestField field) =>
        field.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : string.Empty;
}

/// <summary>The answer to a command on a session: <c>Done</c> or <c>Unchanged</c>, and a sentence.</summary>
internal sealed record CommandAnswer(string Outcome, string Message);
