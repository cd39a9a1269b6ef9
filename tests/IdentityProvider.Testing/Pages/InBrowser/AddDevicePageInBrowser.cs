using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary>
/// <see cref="AddDevicePage"/> in the browser: names an authenticator app, then shows its key (QR code, the key to
/// type, issuer, account, type) and takes the first code from the app.
/// </summary>
public sealed class AddDevicePageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    public ILocator DeviceName => Field("Device name");

    /// <summary>The "Time-based (TOTP)" choice of the device's type.</summary>
    public ILocator TimeBased => Radio("Time-based (TOTP)");

    /// <summary>The QR code of the key.</summary>
    public ILocator QrCode => Page.Locator("#otp-qr");

    /// <summary>"Open in authenticator app": the link to the key URI.</summary>
    public ILocator KeyLink => Link("Open in authenticator app");

    /// <summary>The type of the key, as shown ("Time-based (TOTP)").</summary>
    public ILocator KeyType => Page.Locator("#otp-type");

    /// <summary>The "Code from the app" field.</summary>
    public ILocator CodeFromApp => Field("Code from the app");

    /// <summary>The refusal of the code (the validation summary).</summary>
    public ILocator Refusal => Page.Locator(".validation-summary-errors");

    /// <summary>Types the device's name into "Device name".</summary>
    public Task NameAsync(string name) => DeviceName.FillAsync(name);

    /// <summary>Presses "Continue" under the name: the page then shows the key.</summary>
    public Task ContinueAsync() => Button("Continue").ClickAsync();

    /// <summary>The QR code as the browser drew it, a PNG.</summary>
    public Task<byte[]> QrCodePngAsync() => QrCode.ScreenshotAsync(new() { Type = ScreenshotType.Png });

    /// <summary>The otpauth:// URI behind "Open in authenticator app".</summary>
    public Task<string?> KeyUriAsync() => KeyLink.GetAttributeAsync("href");

    /// <summary>The key to type into an app, as shown (groups of four, spaces between).</summary>
    public Task<string> SecretShownAsync() => Page.Locator("#otp-secret").InnerTextAsync();

    /// <summary>The issuer shown beside the key (the site's address).</summary>
    public Task<string> IssuerAsync() => Page.Locator("#otp-issuer").InnerTextAsync();

    /// <summary>The account shown beside the key (the user's e-mail address).</summary>
    public Task<string> AccountAsync() => Page.Locator("#otp-account").InnerTextAsync();

    /// <summary>Types the app's code key by key into "Code from the app" and presses Enter; the caller waits for where that leads.</summary>
    public async Task ActivateAsync(string code)
    {
        await CodeFromApp.PressSequentiallyAsync(code);
        await CodeFromApp.PressAsync("Enter");
    }
}
