using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminHardwareTokensPage"/> in the browser: the inventory, each serial linking to its token.</summary>
public sealed class AdminHardwareTokensPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<AdminHardwareTokensPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, AdminHardwareTokensPage.Path));
        return new(page, site);
    }

    /// <summary>Follows "Import a seed file".</summary>
    public async Task<AdminImportTokensPageInBrowser> ImportSeedFileAsync()
    {
        await Link("Import a seed file").ClickAsync();
        return new(Page, Site);
    }

    /// <summary>Follows the listed token's serial to its page.</summary>
    public async Task<AdminHardwareTokenPageInBrowser> OpenTokenAsync(string serial)
    {
        await Link(serial).ClickAsync();
        return new(Page, Site);
    }
}
