namespace Portal.Domain.Audit;

/// <summary>
/// Where the request being served came from, for the audit log. The web host supplies the HTTP request's or the Blazor
/// circuit's origin; outside any request (background work) it is <see cref="AuditOrigin.System"/>.
/// </summary>
public interface IRequestOrigin
{
    AuditOrigin Current { get; }
}
