using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="TokensPage"/> in the browser: "Manage tokens".</summary>
public sealed class TokensPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>What the clipboard holds, as a page script reads it (the context must be allowed to).</summary>
    public Task<string> ClipboardAsync() => Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
}
