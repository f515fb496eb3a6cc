using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Domain.Cloud;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

/// <summary>The admin's Account page: who the portal acts as, its regions, its price book's age; and every admin page's role.</summary>
public sealed class AccountPageTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly BunitAuthorizationContext _auth;
    private readonly FakeAccount _account = new();

    public AccountPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider(Now));
        Services.AddSingleton<ICloudAccount>(_account);
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Shows_the_sandbox_identity_plainly()
    {
        _account.Identity = new CloudIdentity("Sandbox cloud: no AWS account", "None", "sandbox");

        var cut = Render<AccountPage>();

        cut.WaitForAssertion(() => Assert.Contains("Sandbox cloud: no AWS account.", cut.Find("[data-testid=account-sandbox]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Sandbox cloud: no AWS account", cut.Find("[data-testid=account-id]").TextContent);
        Assert.Contains("(Sandbox)", cut.Find("#account-identity-title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_account_and_principal_sts_names()
    {
        _account.Identity = new CloudIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/portal/task", "AROAEXAMPLE:task");

        var cut = Render<AccountPage>();

        cut.WaitForAssertion(() => Assert.Equal("123456789012", cut.Find("[data-testid=account-id]").TextContent));
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/portal/task", cut.Find("[data-testid=account-arn]").TextContent);
        Assert.Equal("AROAEXAMPLE:task", cut.Find("[data-testid=account-user-id]").TextContent);
    }

    [Fact]
    public void A_failure_to_reach_sts_is_a_message_not_an_error_page()
    {
        _account.Failure = new CloudOperationException("ExpiredToken", "The security token included in the request is expired.", null, null);

        var cut = Render<AccountPage>();

        cut.WaitForAssertion(() => Assert.Contains("could not ask AWS who it is (ExpiredToken)", cut.Find("[data-testid=account-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=account-id]"));
        Assert.NotNull(cut.Find("[data-testid=price-book-name]"));
    }

    [Fact]
    public void Lists_the_home_and_worker_regions_with_their_roles_and_cidrs()
    {
        var cut = Render<AccountPage>();

        var regions = cut.FindAll("[data-testid^=account-region-]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, regions.Count);
        Assert.StartsWith("eu-west-2", regions[0], StringComparison.Ordinal);
        Assert.Contains("Home · 10.0.0.0/16", regions[0], StringComparison.Ordinal);
        Assert.Contains("Worker · 10.1.0.0/16", regions[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_price_books_name_date_age_refresh_and_staleness()
    {
        var cut = Render<AccountPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=price-book-name]")));
        Assert.Equal("Bundled price snapshot", cut.Find("[data-testid=price-book-name]").TextContent);
        Assert.Matches(@"^\d{4}-\d\d-\d\d$", cut.Find("[data-testid=price-book-as-of]").TextContent);
        Assert.StartsWith("Never", cut.Find("[data-testid=price-book-fetched]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("days", cut.Find("[data-testid=price-book-age]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 day", cut.Find("[data-testid=price-book-refresh]").TextContent);
        Assert.Equal("Stale", cut.Find("[data-testid=price-book-stale]").TextContent);
    }

    [Fact]
    public void A_plain_user_who_reaches_the_component_learns_nothing_about_the_account()
    {
        _account.Identity = new CloudIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/portal/task", "x");
        SignIn("ada", PortalRoles.User);

        var cut = Render<AccountPage>();

        Assert.Contains("Only a Portal.Admin", cut.Find("[data-testid=account-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(0, _account.Calls);
    }

    [Theory]
    [InlineData(typeof(AdminHome))]
    [InlineData(typeof(SessionsPage))]
    [InlineData(typeof(AccountPage))]
    [InlineData(typeof(RegionsPage))]
    public void Every_admin_page_requires_the_admin_role(Type page)
    {
        var authorize = Assert.Single(page.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>());

        Assert.Equal(PortalRoles.Admin, authorize.Roles);
    }

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    private sealed class FakeAccount : ICloudAccount
    {
        public CloudIdentity Identity { get; set; } = new("Sandbox cloud: no AWS account", "None", "sandbox");

        public CloudOperationException? Failure { get; set; }

        public int Calls { get; private set; }

        public Task<CloudIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Failure is { } failure ? Task.FromException<CloudIdentity>(failure) : Task.FromResult(Identity);
        }
    }
}
