using Bunit;
using Portal.Web.Components.Pages;
using Portal.Web.Components.Pages.Account;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Account;

public sealed class AdminRoleRequiredTests : PortalTestContext
{
    [Fact]
    public void Says_the_page_needs_the_admin_role_and_who_is_signed_in()
    {
        var cut = Render<AdminRoleRequired>(p => p.Add(c => c.UserName, "ada"));

        Assert.Equal("This page needs the Admin role", cut.Find("h1").TextContent);
        Assert.Contains("signed in as ada", cut.Find("[data-testid=admin-role-required]").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public void The_not_found_page_offers_a_way_home()
    {
        var cut = Render<NotFound>();

        Assert.Equal("Page not found", cut.Find("h1").TextContent);
        Assert.Equal("/", cut.Find("[data-testid=not-found-home]").GetAttribute("href"));
    }
}
