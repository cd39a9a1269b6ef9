using IdentityProvider.Testing.Pages;
using Microsoft.Playwright;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// A provider page where a module expects the browser to stay (the suite asks the tester for a screenshot of it):
/// the error page with its protocol error, the sign-out question, the signed-out page, the sign-in page.
/// </summary>
public sealed class ProviderPageInBrowser(IPage page)
{
    public IPage Page => page;

    public bool IsSignInPage => BrowserWalk.IsAt(page, LoginPage.Path);

    public bool IsLogoutQuestion => BrowserWalk.IsAt(page, LogoutPage.Path);

    public bool IsSignedOutPage => BrowserWalk.IsAt(page, SignedOutPage.Path);

    /// <summary>The protocol error the error page names (its error code), or null on any other page.</summary>
    public Task<string?> ErrorCodeAsync() => BrowserWalk.ProtocolErrorAsync(page);

    /// <summary>"Sign out" on the sign-out question; where the browser goes next is the caller's to read.</summary>
    public Task ConfirmSignOutAsync() => BrowserWalk.ConfirmSignOutAsync(page);
}
