using Microsoft.AspNetCore.Components.Server.Circuits;
using Portal.Domain.Audit;

namespace Portal.Web.Audit;

/// <summary>
/// Gives a Blazor circuit's actions the origin of the browser behind it: captured from the circuit's HTTP connection
/// (the WebSocket request) whenever that connection comes up, and made current around each inbound activity (an event,
/// a JS call), which is where the use cases run.
/// </summary>
internal sealed class AuditCircuitHandler(IHttpContextAccessor http) : CircuitHandler
{
    private AuditOrigin? _origin;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            WebRequestOrigin.Enter(_origin);
            return next(context);
        };

    private void Capture()
    {
        if (http.HttpContext is { } context)
        {
            _origin = WebRequestOrigin.From(context);
        }
    }
}
