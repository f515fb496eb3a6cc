using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Domain.Accounts;

namespace Portal.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer portal_pat_...</c> on <c>/api</c>: the token's owner, with the claims a sign-in gives them
/// (user id, name, roles, groups, as they were when the token was made) and the token's scope. Expired, revoked and
/// unknown tokens are answered 401 with problem details; a read-only token on a call that changes something, 403.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiTokens tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PortalApiToken";

    /// <summary>The claim that carries a token's scope (<c>read</c> or <c>read-write</c>); absent for sign-ins.</summary>
    public const string ScopeClaim = "portal:token_scope";

    public const string TokenIdClaim = "portal:token_id";

    public const string ReadScope = "read";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiBearer.Token(Request) is not { } secret || !secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await tokens.CheckAsync(secret, Context.RequestAborted);
        if (check.Token is not { } token)
        {
            return AuthenticateResult.Fail(check.Problem ?? "The API token is not valid.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, token.OwnerName),
            new(ClaimTypes.NameIdentifier, token.OwnerId),
            new(ClaimTypes.Role, PortalRoles.User),
            new(ScopeClaim, token.Scope == ApiTokenScope.Read ? ReadScope : "read-write"),
            new(TokenIdClaim, token.Id),
        };
        if (token.OwnerIsAdmin)
        {
            claims.Add(new(ClaimTypes.Role, PortalRoles.Admin));
        }

        claims.AddRange(token.OwnerGroups.Select(g => new Claim(PortalRoles.GroupsClaim, g)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure?.Message ?? "Present a valid API token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Forbidden",
            Context.User.HasClaim(ScopeClaim, ReadScope)
                ? "This API token is read-only: create a read-write token to change anything."
                : "Your account may not do this.");

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
