using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminUserPage"/> in the browser: one user, with the tabs of the user's pages.</summary>
public sealed class AdminUserPageInBrowser(IPage page, Uri site, string userId) : PageInBrowser(page, site)
{
    public string UserId { get; } = userId;

    /// <summary>Waits until the browser shows the page of user <paramref name="userId"/>.</summary>
    public static async Task<AdminUserPageInBrowser> ReachedAsync(IPage page, Uri site, string userId)
    {
        await WaitForExactAsync(page, site, AdminUserPage.PathFor(userId));
        return new(page, site, userId);
    }

    /// <summary>Follows "Sign in as this user" and waits for its page.</summary>
    public async Task<AdminSignInAsPageInBrowser> OpenSignInAsAsync()
    {
        await Link("Sign in as this user").ClickAsync();
        await WaitForExactAsync(Page, Site, AdminSignInAsPage.PathFor(UserId));
        return new(Page, Site);
    }

    /// <summary>Follows the "Two-step sign-in" tab and waits for it.</summary>
    public async Task<AdminUserTwoStepPageInBrowser> OpenTwoStepAsync()
    {
        await Link("Two-step sign-in").ClickAsync();
        return await AdminUserTwoStepPageInBrowser.ReachedAsync(Page, Site, UserId);
    }
}
