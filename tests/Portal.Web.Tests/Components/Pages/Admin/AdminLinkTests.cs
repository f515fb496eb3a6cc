using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Web.Auth;
using Portal.Web.Components.Layout;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

/// <summary>The way to the admin pages: a link in the app bar that only admins see.</summary>
public sealed class AdminLinkTests : BunitContext
{
    private readonly BunitAuthorizationContext _auth;

    public AdminLinkTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider());
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void An_admin_sees_the_admin_link_to_the_admin_area()
    {
        SignIn("grace", PortalRoles.Admin);

        var cut = RenderLayout();

        var link = cut.FindAll("nav a").Single(a => a.TextContent.Trim() == "Admin");
        Assert.Equal("/admin", link.GetAttribute("href"));
    }

    [Fact]
    public void A_plain_user_sees_no_admin_link()
    {
        SignIn("ada");

        var cut = RenderLayout();

        Assert.Equal(["Explore", "My sessions", "My costs", "API tokens"], cut.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
