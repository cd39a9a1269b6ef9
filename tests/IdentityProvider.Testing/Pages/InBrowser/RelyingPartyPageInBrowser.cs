using IdentityProvider.TestRelyingParty;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary>The test relying party's own page: "Not signed in" with a "Sign in" link, or "Signed in" with the name and amr it received.</summary>
public sealed class RelyingPartyPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Where the relying party lands after its sign-out (its post-logout page).</summary>
    public const string SignedOutPath = "/signed-out";

    /// <summary>Opens the relying party's home page at <paramref name="site"/>.</summary>
    public static async Task<RelyingPartyPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(site.ToString());
        return new(page, site);
    }

    /// <summary>Waits until the browser is back at the relying party's home page (<paramref name="site"/>).</summary>
    public static async Task<RelyingPartyPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await page.WaitForURLAsync(site.ToString());
        return new(page, site);
    }

    public ILocator NotSignedIn => Page.GetByRole(AriaRole.Heading, new() { Name = "Not signed in" });

    public ILocator SignedIn => Page.GetByRole(AriaRole.Heading, new() { Name = "Signed in" });

    /// <summary>The "Signed out" heading of the post-logout page.</summary>
    public ILocator SignedOut => Page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" });

    /// <summary>The amr values the relying party received, space-separated.</summary>
    public ILocator Amr => Page.Locator("#amr");

    /// <summary>The acr the relying party received.</summary>
    public ILocator Acr => Page.Locator("#acr");

    /// <summary>The name the relying party received.</summary>
    public ILocator Name => Page.Locator("#name");

    /// <summary>The value of a claim the relying party received in the id_token (e.g. <c>act</c>, as JSON).</summary>
    public ILocator Claim(string type) => Page.Locator($"#claims li[data-type='{type}']");

    /// <summary>Follows "Sign in" where the provider already holds a session: straight back, signed in.</summary>
    public async Task<RelyingPartyPageInBrowser> SignInWithSessionAsync()
    {
        await Link("Sign in").ClickAsync();
        return await ReachedAsync(Page, Site);
    }

    /// <summary>
    /// Follows "Sign in" where the browser signs in by itself at the sign-in page of <paramref name="provider"/>: the
    /// passkey the e-mail field's autofill offers, taken at once. Waits for its answer to be posted there (no password
    /// typed, no button pressed), then for the way back here.
    /// </summary>
    public async Task<RelyingPartyPageInBrowser> SignInByPasskeyAutofillAsync(Uri provider)
    {
        await Page.RunAndWaitForRequestAsync(() => Link("Sign in").ClickAsync(), request => LoginPageInBrowser.PostsPasskeyAnswer(request, provider));
        return await ReachedAsync(Page, Site);
    }

    /// <summary>Follows "Sign in" and waits for the sign-in page of <paramref name="provider"/>.</summary>
    public async Task<LoginPageInBrowser> SignInAsync(Uri provider)
    {
        await Link("Sign in").ClickAsync();
        return await LoginPageInBrowser.ReachedAsync(Page, provider);
    }

    /// <summary>
    /// Signs in asking the provider for <paramref name="acrValues"/> (e.g. <c>phr</c>, as an app's "sign in with a
    /// passkey" would) and waits for the sign-in page of <paramref name="provider"/>.
    /// </summary>
    public async Task<LoginPageInBrowser> SignInAskingForAsync(string acrValues, Uri provider)
    {
        await Page.GotoAsync(new Uri(Site, $"login?{RelyingPartyHost.AcrValuesItem}={Uri.EscapeDataString(acrValues)}").ToString());
        return await LoginPageInBrowser.ReachedAsync(Page, provider);
    }

    /// <summary>Follows "Sign out" (end-session at the provider) and waits for the relying party's post-logout page.</summary>
    public async Task<RelyingPartyPageInBrowser> SignOutAsync()
    {
        await Link("Sign out").ClickAsync();
        await WaitForExactAsync(Page, Site, SignedOutPath);
        return this;
    }
}
