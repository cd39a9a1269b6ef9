using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminHardwareTokenPage"/> in the browser: one token, assigned to a user by e-mail address.</summary>
public sealed class AdminHardwareTokenPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The status line after a change ("… assigned to …").</summary>
    public ILocator Status => Page.Locator("p.status");

    /// <summary>The recovery codes a first device brought, shown this once to hand over.</summary>
    public ILocator IssuedCodes => Page.Locator("#issued-codes");

    /// <summary>Types the user's address into "User's e-mail address" and presses "Assign token".</summary>
    public async Task AssignAsync(string email)
    {
        await Field("User's e-mail address").FillAsync(email);
        await Button("Assign token").ClickAsync();
    }
}
