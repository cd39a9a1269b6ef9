using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>The provider and its relying party on Kestrel, a second provider instance as the upstream "Corp SSO", and Chromium.</summary>
public sealed class ExternalJourneyFixture : IAsyncLifetime
{
    public const string ProviderName = "Corp SSO";

    private RelyingPartyRig? rig;
    private UpstreamProvider? upstream;
    private BrowserSession? browser;

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    public UpstreamProvider Upstream => upstream ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // Note: the upstream's port is chosen first, so the provider can be told where it is; the upstream then
        // learns the provider's callback. OpenIddict reads the upstream's discovery document only at the first sign-in.
        var port = UpstreamProvider.ReservePort();
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite,
            UpstreamProvider.ProviderSettings(0, "corp", ProviderName, new Uri($"http://127.0.0.1:{port}/"), allowRegistration: false));
        upstream = await UpstreamProvider.StartAsync([new Uri(rig.ProviderAddress, "signin/corp/callback")], port);
        browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (upstream is not null)
        {
            await upstream.DisposeAsync();
        }

        if (rig is not null)
        {
            await rig.DisposeAsync();
        }
    }
}

/// <summary>
/// Sign-in through the corporate provider in a real browser: from the relying party to the provider, on to the
/// upstream (its own sign-in page), back; the local account with the same address is linked by its password; the OTP
/// step still follows, typed with Enter; the relying party receives amr fed otp mfa.
/// </summary>
public class ExternalSignInJourneyTests(ExternalJourneyFixture fixture) : IClassFixture<ExternalJourneyFixture>
{
    [Fact]
    public async Task Journey_RelyingPartyToTheUpstreamAndBack_LinkByPassword_OtpStep_AmrFedOtpMfa()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        var clock = fixture.Rig.Provider.Clock;
        var person = await UserStories.CreateUserAsync(fixture.Upstream.Factory, displayName: "Carla Corp");
        var local = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Carla Corp", email: person.Email);
        var device = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, local.Id);
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var page = await journey.NewTabAsync();
            var relyingParty = await RelyingPartyPageInBrowser.OpenAsync(page, rp);
            var login = await relyingParty.SignInAsync(provider);

            // The upstream's own sign-in page.
            var upstreamLogin = await login.SignInWithAsync(ExternalJourneyFixture.ProviderName, fixture.Upstream.Address);
            await upstreamLogin.SubmitAsync(person.Email, person.Password);

            // Back at the provider: the local account with the same address is linked by its password, never by the address alone.
            var linking = await LinkExternalPageInBrowser.ReachedAsync(page, provider);
            await linking.LinkAsync(local.Password);

            // The upstream replaced the password, not the one-time password.
            var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            await Expect(oneTimePassword.Code).ToBeFocusedAsync();
            clock.Advance(UserStories.Step);
            await oneTimePassword.TypeIntoFocusAndEnterAsync(device.TotpNow(clock));
            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.Amr).ToHaveTextAsync("fed otp mfa");
        });
    }
}
