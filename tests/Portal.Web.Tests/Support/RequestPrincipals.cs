using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.Web.Tests.Support;

/// <summary>Remembers the principal the portal saw on its last request (the one a circuit would start with).</summary>
public sealed class RequestPrincipals : IStartupFilter
{
    public ClaimsPrincipal? Last { get; private set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Outside the portal's pipeline: once it has run, authentication has set the request's user.
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            Last = context.User;
        });
        next(app);
    };
}
