using IdentityProvider.Testing;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// A journey through browser tabs, each with its own cookies (an administrator's, a user's): opened with the journeys'
/// timeout, closed at the end, and a browser failure reported with the address and content of the tab in use.
/// </summary>
internal sealed class BrowserJourney(BrowserSession browser)
{
    public const float Timeout = 20_000;

    private readonly List<IPage> tabs = [];

    /// <summary>The tab the journey is in: a failure shows this one.</summary>
    public IPage? Current { get; set; }

    /// <summary>A new tab of its own (no cookies shared), which becomes <see cref="Current"/>.</summary>
    public async Task<IPage> NewTabAsync()
    {
        var tab = await browser.NewPageAsync();
        tab.SetDefaultTimeout(Timeout);
        tabs.Add(tab);
        Current = tab;
        return tab;
    }

    /// <summary>Runs <paramref name="steps"/>, then closes every tab it opened.</summary>
    public static async Task RunAsync(BrowserSession browser, Func<BrowserJourney, Task> steps)
    {
        var journey = new BrowserJourney(browser);
        try
        {
            await steps(journey);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var content = journey.Current is { } tab ? await BrowserSteps.SafeContentAsync(tab) : "";
            throw new Xunit.Sdk.XunitException($"The journey stopped at {journey.Current?.Url}: {e.Message}\n--- page ---\n{content}");
        }
        finally
        {
            foreach (var tab in journey.tabs.Where(tab => !tab.IsClosed))
            {
                await tab.CloseAsync();
            }
        }
    }
}
