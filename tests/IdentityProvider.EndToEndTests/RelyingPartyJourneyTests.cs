using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
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
            var relyingParty = await RelyingPartyPageInBrowser.OpenAsync(page, rp);
            await Expect(relyingParty.NotSignedIn).ToBeVisibleAsync();

            var login = await relyingParty.SignInAsync(provider);

            // The HTML contract password managers rely on (the e-mail field also offers passkeys: passwordless is allowed).
            await Expect(login.Email).ToHaveAttributeAsync("autocomplete", "username webauthn");
            await Expect(login.Password).ToHaveAttributeAsync("autocomplete", "current-password");
            await Expect(login.Password).ToHaveAttributeAsync("type", "password");

            await login.SubmitAsync("alice@example.com", TestData.AlicePassword);

            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.SignedIn).ToBeVisibleAsync();
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd");
            await Expect(relyingParty.Name).ToHaveTextAsync("Alice Example");

            var signedOut = await relyingParty.SignOutAsync();
            await Expect(signedOut.SignedOut).ToBeVisibleAsync();

            // The provider session ended too: its account page asks for the password again.
            login = await ManagePageInBrowser.OpenWithoutSessionAsync(page, provider);
            await Expect(login.Password).ToBeVisibleAsync();
            Assert.StartsWith(LoginPageInBrowser.AddressAt(provider), page.Url, StringComparison.OrdinalIgnoreCase);
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
