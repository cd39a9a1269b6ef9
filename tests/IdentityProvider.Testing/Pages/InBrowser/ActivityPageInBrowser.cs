using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ActivityPage"/> in the browser: the account's security events, newest first.</summary>
public sealed class ActivityPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<ActivityPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, ActivityPage.Path));
        return new(page, site);
    }

    /// <summary>The row whose text contains <paramref name="text"/>.</summary>
    public ILocator Row(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });
}
