using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ShowRecoveryCodesPage"/> in the browser: a new set of recovery codes, shown once.</summary>
public sealed class ShowRecoveryCodesPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The "Your recovery codes" heading.</summary>
    public ILocator YourRecoveryCodes => Heading("Your recovery codes");

    /// <summary>The codes listed.</summary>
    public ILocator Codes => Page.Locator("#recovery-codes li");

    /// <summary>Ticks "I have saved these codes" and presses "Continue".</summary>
    public async Task AcknowledgeAsync()
    {
        await Field("I have saved these codes").CheckAsync();
        await Button("Continue").ClickAsync();
    }
}
