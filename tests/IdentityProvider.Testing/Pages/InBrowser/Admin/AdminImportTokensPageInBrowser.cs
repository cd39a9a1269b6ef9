using System.Text;
using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminImportTokensPage"/> in the browser: uploads a vendor's seed file and reports what came of it.</summary>
public sealed class AdminImportTokensPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>"N tokens were added to the stock."</summary>
    public ILocator Added => Page.Locator("#added");

    /// <summary>
    /// Chooses <paramref name="content"/> as the "Seed file" (named <paramref name="fileName"/>, of <paramref name="mediaType"/>),
    /// types the pre-shared key sent apart from it, and presses "Import".
    /// </summary>
    public async Task ImportAsync(string fileName, string mediaType, string content, string preSharedKey)
    {
        await Field("Seed file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mediaType, Buffer = Encoding.UTF8.GetBytes(content) });
        await Field("Pre-shared key (encrypted PSKC files only)").FillAsync(preSharedKey);
        await Button("Import").ClickAsync();
    }

    /// <summary>Follows "Tokens in stock" to the inventory.</summary>
    public async Task<AdminHardwareTokensPageInBrowser> TokensInStockAsync()
    {
        await Link("Tokens in stock").ClickAsync();
        return new(Page, Site);
    }
}
