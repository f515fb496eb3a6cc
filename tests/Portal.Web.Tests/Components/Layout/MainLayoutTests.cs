using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Auth;
using Portal.Web.Components.Layout;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Layout;

/// <summary>The app bar and the navigation drawer that replaces its links on phones.</summary>
public sealed class MainLayoutTests : PortalTestContext
{
    public MainLayoutTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider());
            context.Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgeryTokens>();
            var auth = context.AddAuthorization();
            auth.SetAuthorized("grace");
            auth.SetRoles(PortalRoles.Admin);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:grace"));
        })
    {
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

    [Fact]
    public void The_menu_button_opens_a_drawer_with_every_link_and_says_it_is_open()
    {
        var cut = RenderLayout();
        var toggle = cut.Find("[data-testid=nav-toggle]");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll(".mud-drawer a"));

        toggle.Click();

        Assert.Equal("true", cut.Find("[data-testid=nav-toggle]").GetAttribute("aria-expanded"));
        var links = cut.FindAll(".mud-drawer a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Explore", "/"), ("My sessions", "/sessions"), ("My costs", "/costs"), ("API tokens", "/account/tokens"), ("Admin", "/admin")], links);
        Assert.Contains("Signed in as grace", cut.Find(".mud-drawer").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Following_a_drawer_link_closes_the_drawer()
    {
        var cut = RenderLayout();
        cut.Find("[data-testid=nav-toggle]").Click();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/sessions");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-drawer a")));
        Assert.Equal("false", cut.Find("[data-testid=nav-toggle]").GetAttribute("aria-expanded"));
    }

    [Theory]
    [InlineData("/", "Explore")]
    [InlineData("/sessions", "My sessions")]
    [InlineData("/sessions?page=2#list", "My sessions")]
    [InlineData("/account/tokens", "API tokens")]
    [InlineData("/admin", "Admin")]
    [InlineData("/admin/quotas", "Admin")]
    [InlineData("/sessions/s-123", null)]
    [InlineData("/administrators", null)]
    public void The_app_bar_marks_the_link_of_the_page_shown_and_follows_navigation(string path, string? active)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/costs");
        var cut = RenderLayout();
        Assert.Equal(["My costs"], Active(cut));

        navigation.NavigateTo(path);

        cut.WaitForAssertion(() => Assert.Equal(active is null ? [] : [active], Active(cut)));
        var links = cut.FindAll(".portal-nav a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Explore", "/"), ("My sessions", "/sessions"), ("My costs", "/costs"), ("API tokens", "/account/tokens"), ("Admin", "/admin")], links);
    }

    private static List<string> Active(IRenderedComponent<MainLayout> cut) =>
        [.. cut.FindAll(".portal-nav a.active[aria-current=page]").Select(a => a.TextContent)];

    [Fact]
    public void Sign_out_is_a_post_with_its_token_in_the_app_bar()
    {
        var cut = RenderLayout();

        var form = cut.Find("form.portal-signout");
        Assert.Equal(("/account/signout", "post"), (form.GetAttribute("action"), form.GetAttribute("method")));
        Assert.Equal("Sign out", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public void The_menu_button_waits_for_the_circuit()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderLayout();

        Assert.True(cut.Find("[data-testid=nav-toggle]").HasAttribute("disabled"));
    }

    private sealed class NoAntiforgeryTokens : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
