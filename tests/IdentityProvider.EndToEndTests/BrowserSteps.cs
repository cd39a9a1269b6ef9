using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>What the browser journeys share: the sign-in steps as a person does them, and the page for a failure message.</summary>
internal static class BrowserSteps
{
    /// <summary>An administrator signs in with both steps at the provider (the admin area demands them) and lands on the account page.</summary>
    public static async Task SignInAdministratorAsync(IPage page, Uri provider, TestUser admin, TestDevice device, TestClock clock)
    {
        await page.GotoAsync(new Uri(provider, LoginPage.Path).ToString());
        await SubmitPasswordAsync(page, admin.Email, admin.Password);
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, TwoStepPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
        await page.GetByLabel("One-time password", new() { Exact = true }).FillAsync(device.TotpNow(clock));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(provider, ManagePage.Path).ToString());
    }

    /// <summary>Opens the relying party, follows its "Sign in" link to the provider and submits the password.</summary>
    public static async Task SignInAtRelyingPartyAsync(IPage page, Uri rp, Uri provider, TestUser user)
    {
        await page.GotoAsync(rp.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, LoginPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
        await SubmitPasswordAsync(page, user.Email, user.Password);
    }

    public static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>The page's HTML for a failure message, or a note when the page is gone.</summary>
    public static async Task<string> SafeContentAsync(IPage page)
    {
        try
        {
            return await page.ContentAsync();
        }
        catch (PlaywrightException)
        {
            return "(page content unavailable)";
        }
    }
}
