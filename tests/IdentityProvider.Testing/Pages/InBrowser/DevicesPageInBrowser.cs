using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="DevicesPage"/> in the browser: the user's two-step devices, with "Add an authenticator app".</summary>
public sealed class DevicesPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the device list of <paramref name="site"/>.</summary>
    public static async Task<DevicesPageInBrowser> ReachedAsync(IPage page, Uri site)
    {
        await WaitForExactAsync(page, site, DevicesPage.Path);
        return new(page, site);
    }

    /// <summary>"Two-step sign-in is off": no device is listed.</summary>
    public ILocator TwoStepOff => Page.Locator("#two-step-off");

    /// <summary>The table of devices.</summary>
    public ILocator Devices => Page.Locator("#devices");

    /// <summary>The rows of the device list that mention <paramref name="name"/>.</summary>
    public ILocator RowsOf(string name) => Devices.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    /// <summary>Follows "Add an authenticator app".</summary>
    public async Task<AddDevicePageInBrowser> AddAuthenticatorAppAsync()
    {
        await Link(AddDevicePage.LinkText).ClickAsync();
        return new(Page, Site);
    }

    /// <summary>Follows the "Sign out" link of the page's header to the provider's sign-out question.</summary>
    public async Task<LogoutPageInBrowser> SignOutAsync()
    {
        await Link("Sign out").ClickAsync();
        return new(Page, Site);
    }
}
