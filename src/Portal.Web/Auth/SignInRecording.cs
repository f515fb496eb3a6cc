using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Web.Auth;

/// <summary>Keeps what a sign-in (or an Entra access token) says about its user: the identity their API tokens act as.</summary>
internal static class SignInRecording
{
    /// <param name="onlyWhenChanged">For every API call with an Entra token: write only when the role or groups changed.</param>
    public static async Task RecordAsync(HttpContext context, ClaimsPrincipal principal, bool onlyWhenChanged = false)
    {
        if (principal.ToActor() is not { } actor)
        {
            return;
        }

        var signIns = context.RequestServices.GetRequiredService<ISignIns>();
        if (onlyWhenChanged
            && await signIns.FindAsync(actor.Id, context.RequestAborted) is { } latest
            && latest.Name == actor.Name && latest.IsAdmin == actor.IsAdmin && latest.Groups.SequenceEqual(actor.Groups))
        {
            return;
        }

        await signIns.RecordAsync(actor, context.RequestAborted);
    }
}
