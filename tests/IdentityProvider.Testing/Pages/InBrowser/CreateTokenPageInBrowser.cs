using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="CreateTokenPage"/> in the browser: the form, then the new token's dialog (hidden until shown, copy, close).</summary>
public sealed class CreateTokenPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public static async Task<CreateTokenPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(At(site, CreateTokenPage.Path));
        return new(page, site);
    }

    /// <summary>The new token's field (read-only; dots until "Show").</summary>
    public ILocator Token => Page.Locator("#new-token");

    public ILocator Show => Button("Show");

    public ILocator Hide => Button("Hide");

    /// <summary>Names the token, ticks <paramref name="scope"/> and presses "Create token" (the lifetime as offered); ends on its dialog.</summary>
    public async Task CreateAsync(string label, string scope)
    {
        await Field("Label").FillAsync(label);
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = scope, Exact = true }).CheckAsync();
        await Button("Create token").ClickAsync();
        await Token.WaitForAsync();
    }

    /// <summary>Presses "Copy": the token goes to the clipboard and the browser back to the token list.</summary>
    public async Task<TokensPageInBrowser> CopyAsync()
    {
        await Button("Copy").ClickAsync();
        await WaitForPathAsync(Page, Site, TokensPage.Path);
        return new(Page, Site);
    }
}
