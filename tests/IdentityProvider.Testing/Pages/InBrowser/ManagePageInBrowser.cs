using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ManagePage"/> in the browser: the account page, linking its sections.</summary>
public sealed class ManagePageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the account page of <paramref name="site"/>.</summary>
    public static async Task<ManagePageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForExactAsync(page, site, ManagePage.Path);
        return new(page, site);
    }

    /// <summary>Opens the account page with the provider session the browser holds.</summary>
    public static async Task<ManagePageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, ManagePage.Path));
        return await ReachedAsync(page, site);
    }

    /// <summary>Opens the account page's address without a provider session: the provider answers with its sign-in page.</summary>
    public static async Task<LoginPageInBrowser> OpenWithoutSessionAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, ManagePage.Path));
        return new(page, site);
    }

    /// <summary>Follows "Passkeys" to the passkey list.</summary>
    public async Task<PasskeysPageInBrowser> OpenPasskeysAsync()
    {
        await Link(ManagePage.PasskeysLink).ClickAsync();
        return await PasskeysPageInBrowser.ReachedAsync(Page, Site);
    }

    /// <summary>Follows "Two-step sign-in" to the device list.</summary>
    public async Task<DevicesPageInBrowser> OpenTwoStepAsync()
    {
        await Link(ManagePage.TwoStepLink).ClickAsync();
        return new(Page, Site);
    }
}
