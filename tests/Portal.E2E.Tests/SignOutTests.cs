using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Sessions;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Signing out (or in again, with another role) in one tab ends the open circuits of the others at once.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class SignOutTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan ProvisioningTimeout = TimeSpan.FromSeconds(60);
    private readonly List<string> _policyViolations = [];
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        // A periodic check far beyond the test: only the sign-out's own notice can end the open tabs in time.
        _portal = new PortalHost(PortalHost.NewDataDirectory(), new Dictionary<string, string?> { ["Security:CircuitRevalidationInterval"] = "00:10:00" }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task After_a_sign_out_in_another_tab_the_open_tabs_can_neither_stop_nor_launch()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var sessionTab = await NewPageAsync(context);
        await sessionTab.GotoAsync("/");
        await new SignInPage(sessionTab).SignInAsync("ada");
        var explore = new ExplorePage(sessionTab);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.Launch.ClickAsync();
        await Expect(sessionTab).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(sessionTab);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = (float)ProvisioningTimeout.TotalMilliseconds });
        await Expect(session.Stop).ToBeEnabledAsync();

        var launchTab = await NewPageAsync(context);
        await launchTab.GotoAsync("/");
        var secondLaunch = new ExplorePage(launchTab);
        await secondLaunch.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await Expect(secondLaunch.Launch).ToBeEnabledAsync();

        var signOutTab = await NewPageAsync(context);
        await signOutTab.GotoAsync("/sessions");
        // Click once the page is live: a click on the prerendered bar can land while the circuit replaces it.
        await Expect(signOutTab.GetByTestId("nav-toggle")).ToBeEnabledAsync();
        await signOutTab.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(signOutTab).ToHaveURLAsync(SignInUrl());

        // The open tabs' circuits turn anonymous at once and say so in place of the page: no Stop, no Launch left to press.
        await Expect(sessionTab.GetByTestId("signed-out-notice")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(launchTab.GetByTestId("signed-out-notice")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(session.Stop).Not.ToBeVisibleAsync();
        await Expect(secondLaunch.Launch).Not.ToBeVisibleAsync();
        await sessionTab.GetByTestId("sign-in-again").ClickAsync();
        await Expect(sessionTab).ToHaveURLAsync(SignInUrl());

        var sessions = await _portal.Services.GetRequiredService<ISessionService>()
            .ListAsync(new Actor("local:ada", "ada", isAdmin: false), everyone: false, TestContext.Current.CancellationToken);
        var only = Assert.Single(sessions);
        Assert.Equal(SessionState.Ready, only.State);
        Assert.Empty(_policyViolations);
    }

    [Fact]
    public async Task After_a_sign_in_as_user_in_another_tab_the_open_admin_tab_can_no_longer_create_a_foundation()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var adminTab = await NewPageAsync(context);
        await adminTab.GotoAsync("/signin");
        await new SignInPage(adminTab).SignInAsync("grace", "Admin");
        // Follow the link once the explore page is live: a click while its circuit starts can race the navigation.
        await Expect(new ExplorePage(adminTab).MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();
        await adminTab.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        // The admin area opens on its Sessions page; its own navigation leads to Regions.
        await adminTab.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "Regions" }).ClickAsync();
        var create = adminTab.GetByRole(AriaRole.Button, new() { Name = "Create foundation for us-east-1" });
        await Expect(create).ToBeEnabledAsync();

        // The role changes: the same browser signs in again, as a plain user. That ends the admin sign-in.
        var userTab = await NewPageAsync(context);
        await userTab.GotoAsync("/signin");
        await new SignInPage(userTab).SignInAsync("grace", "User");
        await Expect(userTab.GetByTestId("signed-in-user")).ToBeVisibleAsync();

        await Expect(adminTab.GetByTestId("signed-out-notice")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(create).Not.ToBeVisibleAsync();
        Assert.Empty(_policyViolations);
    }

    /// <summary>A tab that records Content-Security-Policy violations: the policy must allow all Blazor and MudBlazor load.</summary>
    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add(message.Text);
                }
            }
        };
        return page;
    }

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();
}
