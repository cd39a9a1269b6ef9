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

    /// <summary>Opens the list of the users whose e-mail address or name contains <paramref name="search"/> (in any language).</summary>
    public static async Task<AdminUsersPageInBrowser> OpenSearchAsync(IPage page, Uri site, string search)
    {
        await page.GotoAsync(At(site, $"{AdminUsersPage.Path}?search={Uri.EscapeDataString(search)}"));
        return new(page, site);
    }

    /// <summary>The listed e-mail addresses that the table wraps over more than one line (none, as it never breaks words).</summary>
    public Task<string[]> WrappedAddressesAsync() =>
        Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#users a.user-link')]
                .filter(link => {
                    const height = link.getBoundingClientRect().height;
                    return link.getClientRects().length > 1 || height > 1.8 * parseFloat(getComputedStyle(link).fontSize);
                })
                .map(link => link.textContent.trim())
            """);

    /// <summary>How many e-mail addresses the table lists.</summary>
    public Task<int> AddressCountAsync() => Page.Locator("#users a.user-link").CountAsync();

    /// <summary>Whether the page itself (not a box inside it) scrolls sideways at the window's width.</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>Whether the users table scrolls sideways inside its own box.</summary>
    public Task<bool> TableScrollsInItsBoxAsync() =>
        Page.EvaluateAsync<bool>("""
            () => { const box = document.querySelector('#users').closest('.table-scroll');
                    return box !== null && getComputedStyle(box).overflowX === 'auto' && box.scrollWidth > box.clientWidth; }
            """);

    /// <summary>
    /// Types into "Search by e-mail address or name", presses "Search" and waits for the results. Note: without the wait, a
    /// user listed before the search could be clicked on the old page and the search's answer would then replace the user's page.
    /// </summary>
    public async Task SearchAsync(string search)
    {
        await Field("Search by e-mail address or name").FillAsync(search);
        await Button("Search").ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("search=", StringComparison.Ordinal));
    }

    /// <summary>Follows the listed user's e-mail address and waits for the page of user <paramref name="userId"/>.</summary>
    public async Task<AdminUserPageInBrowser> OpenUserAsync(string email, string userId)
    {
        await Link(email).ClickAsync();
        return await AdminUserPageInBrowser.ReachedAsync(Page, Site, userId);
    }
}
