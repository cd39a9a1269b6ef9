using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="ResetPasswordPage"/> in the browser: the mailed link asks for the new password twice and, for two-step users, a code.</summary>
public sealed class ResetPasswordPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Opens the link as mailed (absolute, at <paramref name="site"/>).</summary>
    public static async Task<ResetPasswordPageInBrowser> OpenLinkAsync(IPage page, Uri site, string link)
    {
        await page.GotoAsync(link);
        return new(page, site);
    }

    /// <summary>The "One-time password or recovery code" field.</summary>
    public ILocator Code => Field("One-time password or recovery code");

    /// <summary>
    /// Types the new password into "New password" and "Confirm new password", the code when given, and presses
    /// "Reset password"; the answer is the <see cref="PageInBrowser.StatusMessage"/> or the <see cref="PageInBrowser.Alert"/>.
    /// </summary>
    public async Task ResetAsync(string newPassword, string? code = null)
    {
        await Field("New password").FillAsync(newPassword);
        await Field("Confirm new password").FillAsync(newPassword);
        if (code is not null)
        {
            await Code.FillAsync(code);
        }

        await Button("Reset password").ClickAsync();
    }

    /// <summary>Follows "Sign in" under the answer to the sign-in page.</summary>
    public async Task<LoginPageInBrowser> SignInAsync()
    {
        await Link("Sign in").ClickAsync();
        return new(Page, Site);
    }
}
