using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Portal.Web.Tests.Support;

/// <summary>The bUnit context every component test starts from: MudBlazor services, loose JS interop, an interactive renderer.</summary>
public abstract class PortalTestContext : BunitContext
{
    /// <param name="configure">Registers the test's own services; it runs before the renderer exists (bUnit refuses registrations after).</param>
    protected PortalTestContext(Action<BunitContext>? configure = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        configure?.Invoke(this);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}
