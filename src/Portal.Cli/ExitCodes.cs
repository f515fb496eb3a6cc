namespace Portal.Cli;

/// <summary>
/// What the process's exit code means, so that scripts can branch on it without reading the text. The numbers are
/// interface: they are printed by <c>portal --help</c> and documented in docs/api.md, and never change meaning.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line or the request is wrong (a parse error, or the API's 400 with its field errors).</summary>
    public const int Usage = 1;

    /// <summary>No URL or token is configured, or the API refused the token (401: unknown, expired or revoked).</summary>
    public const int NotSignedIn = 2;

    /// <summary>The API answered 403: not allowed, or a <c>read</c> token on a call that changes something.</summary>
    public const int Forbidden = 3;

    /// <summary>The API answered 404: no such session, or not yours.</summary>
    public const int NotFound = 4;

    /// <summary>The API answered 409: the command does not fit the session now, an identical session runs, or over budget or quota.</summary>
    public const int Refused = 5;

    /// <summary><c>launch --wait</c> saw the session fail (or end) instead of becoming Ready.</summary>
    public const int SessionFailed = 6;

    /// <summary>The portal could not be reached, timed out, or answered a server error (5xx, 503).</summary>
    public const int Unavailable = 7;

    /// <summary>The API answered 429: too many launches; try again later.</summary>
    public const int RateLimited = 8;

    /// <summary>Ctrl+C (the shells' 128 + SIGINT); <c>launch --wait</c> stops waiting and the session goes on.</summary>
    public const int Interrupted = 130;

    /// <summary>The table printed at the end of <c>portal --help</c>.</summary>
    public const string Help = """
        Exit codes:
            0  success
            1  usage or validation error (bad option, or the portal's 400 with field errors)
            2  not signed in, or the token was refused (401: unknown, expired or revoked)
            3  forbidden (403: not allowed, or a read-only token on a command that changes something)
            4  not found (404: no such session, or not yours)
            5  refused (409: the session's state does not allow it, an identical session runs, over budget or quota)
            6  the session failed (or ended) while launch --wait was waiting for Ready
            7  the portal could not be reached, or answered a server error (5xx)
            8  rate limited (429: too many launches; try again later)
          130  interrupted (Ctrl+C); a session being waited for goes on
        """;

    /// <summary>The exit code for an HTTP status the API answered with.</summary>
    public static int ForStatus(int status) => status switch
    {
        400 or 422 => Usage,
        401 => NotSignedIn,
        403 => Forbidden,
        404 => NotFound,
        409 => Refused,
        429 => RateLimited,
        _ => Unavailable,
    };
}
