using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="SignedOutPage"/> in the browser: where a sign-out at the provider ends.</summary>
public sealed class SignedOutPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The "Signed out" heading.</summary>
    public ILocator SignedOut => Heading("Signed out");
}
