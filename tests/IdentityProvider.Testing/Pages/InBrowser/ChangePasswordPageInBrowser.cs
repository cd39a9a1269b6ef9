using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ChangePasswordPage"/> in the browser: the current password, the new one twice.</summary>
public sealed class ChangePasswordPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<ChangePasswordPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, ChangePasswordPage.Path));
        return new(page, site);
    }

    /// <summary>Fills the form and presses "Change password"; where the browser goes is the caller's to wait for.</summary>
    public async Task ChangeAsync(string current, string next)
    {
        await Field("Current password").FillAsync(current);
        await Field("New password").FillAsync(next);
        await Field("Confirm new password").FillAsync(next);
        await Button("Change password").ClickAsync();
    }
}
