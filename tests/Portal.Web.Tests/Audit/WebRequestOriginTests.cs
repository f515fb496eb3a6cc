using System.Net;
using Microsoft.AspNetCore.Http;
using Portal.Domain.Audit;
using Portal.Web.Audit;

namespace Portal.Web.Tests.Audit;

public sealed class WebRequestOriginTests
{
    [Fact]
    public void An_http_request_gives_its_client_address_and_user_agent()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
        context.Request.Headers.UserAgent = "Mozilla/5.0 (X11)";
        var origin = new WebRequestOrigin(new HttpContextAccessor { HttpContext = context });

        Assert.Equal(new AuditOrigin("198.51.100.7", "Mozilla/5.0 (X11)"), origin.Current);
    }

    [Fact]
    public async Task A_circuits_captured_origin_wins_within_its_activity_and_outside_any_request_it_is_the_system()
    {
        var origin = new WebRequestOrigin(new HttpContextAccessor());
        Assert.Equal(AuditOrigin.System, origin.Current);

        var inActivity = await Task.Run(() =>
        {
            WebRequestOrigin.Enter(new AuditOrigin("192.0.2.1", "Circuit/1.0"));
            return origin.Current;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(new AuditOrigin("192.0.2.1", "Circuit/1.0"), inActivity);
        Assert.Equal(AuditOrigin.System, origin.Current);
    }
}
