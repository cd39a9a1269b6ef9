using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ConfirmChangePage"/> in the browser: "Nothing was changed…", and the administrator's own code.</summary>
public sealed class ConfirmChangePageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<ConfirmChangePageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForPathAsync(page, site, ConfirmChangePage.Path);
        return new(page, site);
    }

    /// <summary>The page's refusal: nothing changed, whose account it is.</summary>
    public ILocator NotChanged => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Nothing was changed" });
}
