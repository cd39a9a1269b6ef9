using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ForgotPasswordPage"/> in the browser: the e-mail address for a reset link.</summary>
public sealed class ForgotPasswordPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Types the address into "E-mail" and presses "Send link"; the answer is the <see cref="PageInBrowser.StatusMessage"/>.</summary>
    public async Task RequestLinkAsync(string email)
    {
        await Field("E-mail").FillAsync(email);
        await Button("Send link").ClickAsync();
    }
}
