using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Audit;
using Portal.Web.Auth;

namespace Portal.Web.Audit;

/// <summary>
/// <c>GET /admin/audit.csv</c>: the audit log as CSV, filtered like the page (same query). Admins only: the endpoint
/// requires the admin role, like the page. Entries appended while the export runs are left out (it reads up to the
/// moment it started), so paging through the log does not repeat a row.
/// </summary>
public static class AuditEndpoints
{
    public const string CsvPath = "/admin/audit.csv";

    private const int Chunk = 500;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(CsvPath, ExportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Admin });
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext context, IAuditLog log, TimeProvider clock, string? from, string? to, string? actor, string? action, string? text)
    {
        if (context.User.ToActor() is not { IsAdmin: true })
        {
            return Results.Forbid();
        }

        var now = clock.GetUtcNow();
        var filter = new AuditQuery(from, to, actor, action, text).ToFilter();
        filter = filter with { To = filter.To is { } until && until < now ? until : now.AddTicks(1) };
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=audit-{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await AuditCsv.WriteAsync(writer, ReadAllAsync(log, filter, context.RequestAborted), context.RequestAborted);
        await writer.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAllAsync(IAuditLog log, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += Chunk)
        {
            var page = await log.ListAsync(filter, skip, Chunk, cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            if (page.Entries.Count < Chunk)
            {
                yield break;
            }
        }
    }
}
