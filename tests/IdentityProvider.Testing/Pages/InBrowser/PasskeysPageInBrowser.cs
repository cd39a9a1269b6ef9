using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary>
/// <see cref="PasskeysPage"/> in the browser: the user's passkeys, and "Add a passkey", which runs the browser's own
/// dialog (answered by a <see cref="VirtualAuthenticator"/> in a journey).
/// </summary>
public sealed class PasskeysPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the passkey list of <paramref name="site"/>.</summary>
    public static async Task<PasskeysPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForExactAsync(page, site, PasskeysPage.Path);
        return new(page, site);
    }

    /// <summary>The rows of the passkey list, one a passkey.</summary>
    public ILocator Passkeys => Page.Locator("#passkeys tr[data-passkey-id]");

    /// <summary>"You have no passkeys yet."</summary>
    public ILocator NoPasskeys => Page.Locator("#no-passkeys");

    /// <summary>The rows of the list that mention <paramref name="name"/>.</summary>
    public ILocator RowsOf(string name) => Passkeys.Filter(new() { HasText = name });

    /// <summary>The credential id (base64url) of the passkey listed as <paramref name="name"/>.</summary>
    public Task<string?> IdOfAsync(string name) => RowsOf(name).GetAttributeAsync("data-passkey-id");

    /// <summary>The "Name" field of a new passkey (the script suggests the browser and platform).</summary>
    public ILocator NewPasskeyName => Field("Name");

    /// <summary>"Add a passkey": hidden until the script finds WebAuthn in the browser.</summary>
    public ILocator AddButton => Button("Add a passkey");

    /// <summary>What the script says when the browser's dialog failed or was closed.</summary>
    public ILocator PasskeyError => Page.Locator("#add-passkey [data-passkey-error]");

    /// <summary>The provider's refusal of the browser's answer (the validation summary).</summary>
    public ILocator Refusal => Page.Locator(".validation-summary-errors");

    /// <summary>
    /// Types <paramref name="name"/> and presses "Add a passkey": the browser's dialog asks the authenticator, the script
    /// sends its answer; the caller waits for where that leads (the first passkey's recovery codes, or this list).
    /// </summary>
    public async Task AddAsync(string name)
    {
        await NewPasskeyName.FillAsync(name);
        await AddButton.ClickAsync();
    }

    /// <summary>Follows the "Sign out" link of the page's header to the provider's sign-out question.</summary>
    public async Task<LogoutPageInBrowser> SignOutAsync()
    {
        await Link("Sign out").ClickAsync();
        return new(Page, Site);
    }

    /// <summary>Follows "Remove" in the row of <paramref name="name"/>.</summary>
    public async Task<RemovePasskeyPageInBrowser> RemoveAsync(string name)
    {
        await RowsOf(name).GetByRole(AriaRole.Link, new() { Name = "Remove", Exact = true }).ClickAsync();
        await WaitForPathAsync(Page, Site, RemovePasskeyPage.PathPrefix);
        return new(Page, Site);
    }
}

/// <summary><see cref="RemovePasskeyPage"/> in the browser: removes a passkey after the password.</summary>
public sealed class RemovePasskeyPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The heading, "Remove “{name}”".</summary>
    public ILocator Question => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Types the password into "Your password", presses "Remove passkey" and waits for the passkey list.</summary>
    public async Task<PasskeysPageInBrowser> RemoveAsync(string password)
    {
        await Field("Your password").FillAsync(password);
        await Button("Remove passkey").ClickAsync();
        return await PasskeysPageInBrowser.ReachedAsync(Page, Site);
    }
}
