using Portal.Domain.Audit;

namespace Portal.Web.Audit;

/// <summary>
/// The audit log's request origin in the web host. An HTTP request (the API, the CSV export, a prerendered page) has
/// its own address and user agent; a Blazor circuit's were captured when its connection came up
/// (<see cref="AuditCircuitHandler"/>) and are set around each of its inbound activities. Anything else is the
/// portal's own work.
/// </summary>
internal sealed class WebRequestOrigin(IHttpContextAccessor http) : IRequestOrigin
{
    private static readonly AsyncLocal<AuditOrigin?> CircuitOrigin = new();

    public AuditOrigin Current => CircuitOrigin.Value ?? (http.HttpContext is { } context ? From(context) : AuditOrigin.System);

    /// <summary>The origin of an HTTP request: the client's address (after any forwarded-headers handling) and user agent.</summary>
    public static AuditOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agent = context.Request.Headers.UserAgent.ToString();
        return new AuditOrigin(context.Connection.RemoteIpAddress?.ToString(), agent.Length > 0 ? agent : null);
    }

    /// <summary>Makes <paramref name="origin"/> current for the rest of this asynchronous flow (one circuit activity).</summary>
    public static void Enter(AuditOrigin? origin) => CircuitOrigin.Value = origin;
}
