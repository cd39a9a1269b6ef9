using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>What the browser journeys share: the sign-in steps as a person does them, by the pages in the browser, and the page for a failure message.</summary>
internal static class BrowserSteps
{
    /// <summary>An administrator signs in with both steps at the provider (the admin area demands them) and lands on the account page.</summary>
    public static async Task<ManagePageInBrowser> SignInAdministratorAsync(IPage page, Uri provider, TestUser admin, TestDevice device, TestClock clock)
    {
        var login = await LoginPageInBrowser.OpenAsync(page, provider);
        await login.SubmitAsync(admin.Email, admin.Password);
        var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(page, provider);
        return await oneTimePassword.EnterCodeToAccountAsync(device.TotpNow(clock));
    }

    /// <summary>Opens the relying party, follows its "Sign in" link to the provider and submits the password; the caller waits for where that leads.</summary>
    public static async Task SignInAtRelyingPartyAsync(IPage page, Uri rp, Uri provider, TestUser user)
    {
        var relyingParty = await RelyingPartyPageInBrowser.OpenAsync(page, rp);
        var login = await relyingParty.SignInAsync(provider);
        await login.SubmitAsync(user.Email, user.Password);
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
