using IdentityProvider.Testing.Pages.InBrowser.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ImpersonationBanner"/> in the browser: on every page of a session an administrator opened as a user.</summary>
public sealed class ImpersonationBannerInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The banner: "Signed in as {user} by {admin}", when it ends, and the way back.</summary>
    public ILocator Banner => Page.Locator("form", new() { Has = ReturnButton });

    public ILocator ReturnButton => Button("Return to my account");

    /// <summary>Presses "Return to my account" and waits for the user's page in the admin area.</summary>
    public async Task<AdminUserPageInBrowser> ReturnAsync(string userId)
    {
        await ReturnButton.ClickAsync();
        return await AdminUserPageInBrowser.ReachedAsync(Page, Site, userId);
    }
}
