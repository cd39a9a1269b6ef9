using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="LinkExternalPage"/> in the browser: the local account's password links the upstream account.</summary>
public sealed class LinkExternalPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the linking page of <paramref name="site"/>.</summary>
    public static async Task<LinkExternalPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForPathAsync(page, site, LinkExternalPage.Path);
        return new(page, site);
    }

    /// <summary>Types the password into "Password of your account here" and presses "Link and sign in"; the caller waits for where that leads.</summary>
    public async Task LinkAsync(string password)
    {
        await Field("Password of your account here").FillAsync(password);
        await Button("Link and sign in").ClickAsync();
    }
}
