using Microsoft.Playwright;

namespace Portal.E2E.Tests.Pages;

/// <summary>The local sign-in page.</summary>
internal sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string userName, string role = "User")
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
