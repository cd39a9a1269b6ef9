using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>One provider, one relying party and one Chromium for the tests of a class; each test gets a fresh browser context.</summary>
public sealed class BrowserJourneyFixture : IAsyncLifetime
{
    private RelyingPartyRig? rig;
    private BrowserSession? browser;

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // Note: the embedded SQLite database here; the integration tests run the same journey on PostgreSQL.
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite);
        browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (rig is not null)
        {
            await rig.DisposeAsync();
        }
    }
}

/// <summary>
/// The first browser journey: a real relying party sends Chromium to the provider, the user signs in by the
/// labelled fields, the RP shows the amr it received; signing out goes through end-session back to the RP.
/// </summary>
public class RelyingPartyJourneyTests(BrowserJourneyFixture fixture) : IClassFixture<BrowserJourneyFixture>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task Journey_SignInAtProviderByLabels_RelyingPartyShowsPwd_ThenSignOutLandsOnSignedOut()
    {
        var rp = fixture.Rig.RelyingPartyAddress;
        var provider = fixture.Rig.ProviderAddress;
        var page = await fixture.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        try
        {
            await page.GotoAsync(rp.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not signed in" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, LoginPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));

            var email = page.GetByLabel("E-mail", new() { Exact = true });
            var password = page.GetByLabel("Password", new() { Exact = true });
            // The HTML contract password managers rely on.
            await Expect(email).ToHaveAttributeAsync("autocomplete", "username");
            await Expect(password).ToHaveAttributeAsync("autocomplete", "current-password");
            await Expect(password).ToHaveAttributeAsync("type", "password");

            await email.FillAsync("alice@example.com");
            await password.FillAsync(TestData.AlicePassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

            await page.WaitForURLAsync(rp.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed in" })).ToBeVisibleAsync();
            await Expect(page.Locator("#amr")).ToHaveTextAsync("pwd");
            await Expect(page.Locator("#name")).ToHaveTextAsync("Alice Example");

            await page.GetByRole(AriaRole.Link, new() { Name = "Sign out", Exact = true }).ClickAsync();

            await page.WaitForURLAsync(new Uri(rp, "/signed-out").ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();

            // The provider session ended too: its account page asks for the password again.
            await page.GotoAsync(new Uri(provider, ManagePage.Path).ToString());
            await Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeVisibleAsync();
            Assert.StartsWith(new Uri(provider, LoginPage.Path).ToString(), page.Url, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The journey stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
