using Microsoft.Playwright;

namespace IdentityProvider.Testing;

/// <summary>Playwright driving the system Chromium, headless; one per test class or collection.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        // Why: the NuGet package ships the node driver, which is all we need with a system browser.
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumLocator.Find(),
                Headless = true,
                // Why: no sandbox as root in containers; the rest keeps Chromium from phoning home or
                // using a small /dev/shm, which makes runs slower and flaky.
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                ],
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a page in a fresh browser context, so cookies and storage never leak between tests.
    /// Closing the page closes its context too.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        // Why: the test host serves a development certificate the browser does not trust.
        var context = await Browser.NewContextAsync(new() { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        page.Close += (_, _) => _ = context.CloseAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
