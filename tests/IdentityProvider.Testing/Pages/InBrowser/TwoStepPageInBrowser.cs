using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="TwoStepPage"/> in the browser: the second step after the password, a passkey or a one-time password.</summary>
public sealed class TwoStepPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the second step of <paramref name="site"/>.</summary>
    public static async Task<TwoStepPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForPathAsync(page, site, TwoStepPage.Path);
        return new(page, site);
    }

    /// <summary>The "One-time password" field.</summary>
    public ILocator Code => Field("One-time password");

    /// <summary>"Use your passkey": hidden until the script finds WebAuthn in the browser.</summary>
    public ILocator PasskeyButton => Button("Use your passkey");

    /// <summary>"The application you are signing in to asks for your passkey" (acr_values=phr): only the passkey is offered.</summary>
    public ILocator PasskeyDemanded => Page.Locator("#passkey-demanded");

    /// <summary>Presses "Use your passkey": the browser's dialog asks the authenticator; the caller waits for where that leads.</summary>
    public Task UsePasskeyAsync() => PasskeyButton.ClickAsync();

    /// <summary>Types <paramref name="code"/> into the "One-time password" field and presses Enter; the caller waits for where that leads.</summary>
    public async Task EnterCodeAsync(string code)
    {
        await Code.FillAsync(code);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The same, then waits for the account page (a sign-in at the provider itself).</summary>
    public async Task<ManagePageInBrowser> EnterCodeToAccountAsync(string code)
    {
        await EnterCodeAsync(code);
        return await ManagePageInBrowser.ReachedAsync(Page, Site);
    }

    /// <summary>As a hardware token does: types <paramref name="code"/> into whatever has the focus, then presses Enter.</summary>
    public async Task TypeIntoFocusAndEnterAsync(string code)
    {
        await Page.Keyboard.TypeAsync(code);
        await Page.Keyboard.PressAsync("Enter");
    }
}
