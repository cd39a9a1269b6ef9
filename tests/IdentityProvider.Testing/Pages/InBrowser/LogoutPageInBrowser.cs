using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="LogoutPage"/> in the browser: the question before the provider session ends.</summary>
public sealed class LogoutPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Presses "Sign out".</summary>
    public async Task<SignedOutPageInBrowser> SignOutAsync()
    {
        await Button("Sign out").ClickAsync();
        return new(Page, Site);
    }
}
