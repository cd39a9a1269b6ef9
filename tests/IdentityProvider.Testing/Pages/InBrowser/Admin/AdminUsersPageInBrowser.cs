using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminUsersPage"/> in the browser: users found by e-mail address or name, each linking to the user's page.</summary>
public sealed class AdminUsersPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<AdminUsersPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, AdminUsersPage.Path));
        return new(page, site);
    }

    /// <summary>Types into "Search by e-mail address or name" and presses "Search".</summary>
    public async Task SearchAsync(string search)
    {
        await Field("Search by e-mail address or name").FillAsync(search);
        await Button("Search").ClickAsync();
    }

    /// <summary>Follows the listed user's e-mail address and waits for the page of user <paramref name="userId"/>.</summary>
    public async Task<AdminUserPageInBrowser> OpenUserAsync(string email, string userId)
    {
        await Link(email).ClickAsync();
        return await AdminUserPageInBrowser.ReachedAsync(Page, Site, userId);
    }
}
