using Portal.Domain.Audit;

namespace Portal.Infra.Audit;

/// <summary>The origin when no web host supplies one (tools, tests): the portal itself.</summary>
internal sealed class SystemRequestOrigin : IRequestOrigin
{
    public AuditOrigin Current => AuditOrigin.System;
}
