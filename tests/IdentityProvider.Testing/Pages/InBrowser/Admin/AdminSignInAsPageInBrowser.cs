using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminSignInAsPage"/> in the browser: the reason, then "Sign in as this user".</summary>
public sealed class AdminSignInAsPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Types the reason, presses the button, and waits for the user's account page.</summary>
    public async Task<ManagePageInBrowser> SignInAsAsync(string reason)
    {
        await Field("Reason (shown to the user)").FillAsync(reason);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in as this user", Exact = true }).ClickAsync();
        return await ManagePageInBrowser.ReachedAsync(Page, Site);
    }
}
