using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="LoginPage"/> in the browser: the password step, at the provider or at an upstream provider.</summary>
public sealed class LoginPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>The page's address at <paramref name="site"/>, with no query.</summary>
    public static string AddressAt(Uri site) => At(site, LoginPage.Path);

    /// <summary>Whether <paramref name="request"/> posts a passkey's answer (the button's or the autofill's) to the sign-in page of <paramref name="site"/>.</summary>
    public static bool PostsPasskeyAnswer(IRequest request, Uri site) =>
        request.Method == "POST" && request.Url.Equals(AddressAt(site) + "?handler=Passkey", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the sign-in page directly, with no relying party waiting.</summary>
    public static async Task<LoginPageInBrowser> OpenAsync(IPage page, Uri site)
    {
        await page.GotoAsync(AddressAt(site));
        return new(page, site);
    }

    /// <summary>Waits until the browser shows the sign-in page of <paramref name="site"/> (a relying party's request in its query).</summary>
    public static async Task<LoginPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForPathAsync(page, site, LoginPage.Path);
        return new(page, site);
    }

    public ILocator Email => Field("E-mail");

    public ILocator Password => Field("Password");

    /// <summary>"Sign in with a passkey": hidden until the script finds WebAuthn in the browser.</summary>
    public ILocator PasskeyButton => Button("Sign in with a passkey");

    /// <summary>Presses "Sign in with a passkey": the browser's dialog asks the authenticator; the caller waits for where that leads.</summary>
    public Task SignInWithPasskeyAsync() => PasskeyButton.ClickAsync();

    /// <summary>Types e-mail and password into the labelled fields and presses "Sign in"; the caller waits for where that leads.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Button("Sign in").ClickAsync();
    }

    /// <summary>Presses "Sign in with {providerName}" and waits for the upstream provider's own sign-in page at <paramref name="upstream"/>.</summary>
    public async Task<LoginPageInBrowser> SignInWithAsync(string providerName, Uri upstream)
    {
        await Button($"Sign in with {providerName}").ClickAsync();
        return await ReachedAsync(Page, upstream);
    }

    /// <summary>Follows "Forgot your password?".</summary>
    public async Task<ForgotPasswordPageInBrowser> ForgotPasswordAsync()
    {
        await Link(ForgotPasswordPage.LinkText).ClickAsync();
        return new(Page, Site);
    }
}
