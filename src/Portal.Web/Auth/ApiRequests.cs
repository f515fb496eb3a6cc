namespace Portal.Web.Auth;

/// <summary>API callers are programs: they get 401/403, never a redirect to a sign-in page they cannot follow.</summary>
internal static class ApiRequests
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
