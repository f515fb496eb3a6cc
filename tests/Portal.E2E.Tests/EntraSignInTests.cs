using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(BrowserTests.Name)]
public sealed partial class EntraSignInTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeOpenIdProvider _provider = null!;
    private EntraPortalHost _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync(TestContext.Current.CancellationToken);
        _provider.Account = new FakeAccount("Ada Lovelace", "ada@contoso.example", [FakeAccount.PortalUser]);
        _portal = new EntraPortalHost(PortalHost.NewDataDirectory(), _provider).Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_Portal_User_signs_in_with_Microsoft_launches_from_the_explore_page_and_signs_out()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(_portal.BaseAddress.ToString());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("ada@contoso.example");
        Assert.Single(_provider.AuthorizeRequests);
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Empty(_provider.Refusals);

        // The circuit runs as the Entra user: the launch handler stores the session under their user name.
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        await Expect(page.Locator(".portal-session-head")).ToContainTextAsync("UTC by ada@contoso.example");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SignedOutUrl());
        await Expect(page.GetByTestId("signed-out")).ToHaveTextAsync("You have signed out.");
        Assert.Equal(1, _provider.SignOuts);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "portal.auth");
        var api = await context.APIRequest.GetAsync("/api/v1/sessions/s-abcdefgh12/cost");
        Assert.Equal(401, api.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("ada@contoso.example");
        Assert.Equal(2, _provider.TokensIssued);
    }

    [Fact]
    public async Task A_return_url_with_a_tab_ends_on_the_portal_and_not_on_the_host_after_it()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        // Stands in for the other host, so that landing there shows as a page rather than a DNS error.
        await context.RouteAsync(url => new Uri(url).Host == "evil.example", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<h1>evil</h1>" }));
        var page = await context.NewPageAsync();

        // Chromium drops the tab: a redirect to "/\t/evil.example" is a redirect to //evil.example.
        await page.GotoAsync("/account/entra-signin?returnUrl=%2F%09%2Fevil.example");

        await Expect(page).ToHaveURLAsync(_portal.BaseAddress.ToString());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("ada@contoso.example");
    }


    [GeneratedRegex(@"/signin\?signedOut=true$")]
    private static partial Regex SignedOutUrl();
}
