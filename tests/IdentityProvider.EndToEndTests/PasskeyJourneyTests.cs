using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// The provider at http://localhost:{port}/ (WebAuthn refuses an IP address as the relying party id, and Chromium counts
/// localhost as a secure context), its relying party on 127.0.0.1, and Chromium.
/// </summary>
public sealed class PasskeyJourneyFixture : IAsyncLifetime
{
    private RelyingPartyRig? rig;
    private BrowserSession? browser;

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite, providerOnLocalhost: true);
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
/// Passkeys in Chromium, whose own WebAuthn dialog a virtual authenticator (DevTools protocol) answers as a laptop's
/// fingerprint reader would: added on the account page (the first brings the recovery codes), used as the second step
/// after the password, used alone (the e-mail field's autofill, "Sign in with a passkey"), demanded alone by a relying
/// party (acr_values=phr), and removed by the user and by an administrator; the relying party shows the amr and acr it received.
/// </summary>
public class PasskeyJourneyTests(PasskeyJourneyFixture fixture) : IClassFixture<PasskeyJourneyFixture>
{
    private const string PasskeyName = "Journey laptop";

    [Fact]
    public async Task Journey_AddAPasskeyOnTheAccountPage_UseItAfterThePassword_ThenRemoveIt()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Pat Passkey");
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var page = await journey.NewTabAsync();
            await using var authenticator = await VirtualAuthenticator.AttachAsync(page);

            // The browser's dialog is answered by the authenticator, which now holds the passkey the page lists.
            var passkeys = await AddPasskeyAsync(page, provider, user);
            var credential = Assert.Single(await authenticator.CredentialsAsync());
            Assert.Equal(provider.Host, credential.RelyingPartyId);
            Assert.True(credential.IsDiscoverable);
            Assert.Equal(user.Email, credential.UserName);
            Assert.Equal(await passkeys.IdOfAsync(PasskeyName), credential.Id);
            await Expect(passkeys.RowsOf(PasskeyName)).ToContainTextAsync("On one device only");
            await (await passkeys.SignOutAsync()).SignOutAsync();

            // With an authenticator app too, the second step offers the passkey first, beside the one-time password.
            await UserStories.EnrolTotpAsync(fixture.Rig.Provider, user.Id);
            authenticator.IgnoresAutofill = true;
            await BrowserSteps.SignInAtRelyingPartyAsync(page, rp, provider, user);
            var secondStep = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            await Expect(secondStep.PasskeyButton).ToBeVisibleAsync();
            await Expect(secondStep.Code).ToBeVisibleAsync();
            await Expect(secondStep.PasskeyDemanded).ToHaveCountAsync(0);
            await secondStep.UsePasskeyAsync();

            var relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.SignedIn).ToBeVisibleAsync();
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd hwk mfa");
            await Expect(relyingParty.Acr).ToHaveTextAsync("phr");
            await Expect(relyingParty.Name).ToHaveTextAsync("Pat Passkey");
            Assert.True(Assert.Single(await authenticator.CredentialsAsync()).SignCount > credential.SignCount);

            // The user removes it with the password; the list is empty.
            passkeys = await (await ManagePageInBrowser.OpenAsync(page, provider)).OpenPasskeysAsync();
            var removal = await passkeys.RemoveAsync(PasskeyName);
            await Expect(removal.Question).ToContainTextAsync(PasskeyName);
            passkeys = await removal.RemoveAsync(user.Password);
            await Expect(passkeys.StatusMessage).ToContainTextAsync($"\"{PasskeyName}\" was removed.");
            await Expect(passkeys.Passkeys).ToHaveCountAsync(0);
            await Expect(passkeys.NoPasskeys).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Journey_SignInWithThePasskeyAlone_ByAutofillAndButton_ThenARelyingPartyDemandsIt_AfterThePassword()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Robin Passwordless");
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var page = await journey.NewTabAsync();
            await using var authenticator = await VirtualAuthenticator.AttachAsync(page);
            await (await (await AddPasskeyAsync(page, provider, user)).SignOutAsync()).SignOutAsync();
            await UserStories.EnrolTotpAsync(fixture.Rig.Provider, user.Id);

            // The e-mail field's autofill: the passkey is taken as the sign-in page opens. The fingerprint proves the
            // user too, so there is neither a password nor a second step.
            var relyingParty = await (await RelyingPartyPageInBrowser.OpenAsync(page, rp)).SignInByPasskeyAutofillAsync(provider);
            await Expect(relyingParty.Amr).ToHaveTextAsync("hwk user mfa");
            await Expect(relyingParty.Acr).ToHaveTextAsync("phr");
            await Expect(relyingParty.Name).ToHaveTextAsync("Robin Passwordless");
            await relyingParty.SignOutAsync();

            // "Sign in with a passkey", the autofill ignored: the button's own request replaces the autofill's.
            authenticator.IgnoresAutofill = true;
            var login = await (await RelyingPartyPageInBrowser.OpenAsync(page, rp)).SignInAsync(provider);
            await Expect(login.Email).ToHaveAttributeAsync("autocomplete", "username webauthn");
            await login.SignInWithPasskeyAsync();
            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.Amr).ToHaveTextAsync("hwk user mfa");
            await Expect(relyingParty.Acr).ToHaveTextAsync("phr");
            await relyingParty.SignOutAsync();

            // A relying party that asks for a phishing-resistant sign-in: after the password only the passkey is offered.
            login = await (await RelyingPartyPageInBrowser.OpenAsync(page, rp)).SignInAskingForAsync("phr", provider);
            await login.SubmitAsync(user.Email, user.Password);
            var secondStep = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            await Expect(secondStep.PasskeyDemanded).ToBeVisibleAsync();
            await Expect(secondStep.Code).ToHaveCountAsync(0);
            await secondStep.UsePasskeyAsync();
            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.Acr).ToHaveTextAsync("phr");
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd hwk mfa");
            await Expect(relyingParty.Name).ToHaveTextAsync("Robin Passwordless");
        });
    }

    /// <summary>
    /// Signs in with the password (the user has no second step yet), adds a passkey on the account page through the
    /// browser's dialog, is shown the first recovery codes once, and lands on the list, which names it.
    /// </summary>
    [Fact]
    public async Task Journey_AnAdministratorRemovesAUsersPasskey_AfterConfirming()
    {
        var provider = fixture.Rig.ProviderAddress;
        var admin = await UserStories.CreateUserAsync(fixture.Rig.Provider, role: ProviderRoles.Administrator, displayName: "Ada Admin");
        var adminDevice = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, admin.Id);
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Lee Lostkey");
        using var _ = await PasskeyStories.AddPasskeyAsync(fixture.Rig.Provider, user.Id, provider.GetLeftPart(UriPartial.Authority), "Lost phone");
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var page = await journey.NewTabAsync();
            await BrowserSteps.SignInAdministratorAsync(page, provider, admin, adminDevice, fixture.Rig.Provider.Clock);
            var twoStep = await AdminUserTwoStepPageInBrowser.OpenAsync(page, provider, user.Id);
            await Expect(twoStep.Passkeys.Filter(new() { HasText = "Lost phone" })).ToHaveCountAsync(1);

            await twoStep.AskToRemovePasskeyAsync("Lost phone");
            await Expect(twoStep.ConfirmQuestion).ToContainTextAsync($"Remove the passkey \"Lost phone\" of {user.Email}?");
            await twoStep.ConfirmPasskeyRemovalAsync();

            await Expect(twoStep.StatusMessage).ToContainTextAsync("The passkey \"Lost phone\" was removed.");
            await Expect(twoStep.NoPasskeys).ToBeVisibleAsync();
        });
        Assert.Empty(await PasskeyStories.ListAsync(fixture.Rig.Provider, user.Id));
    }

    private static async Task<PasskeysPageInBrowser> AddPasskeyAsync(IPage page, Uri provider, TestUser user)
    {
        await (await LoginPageInBrowser.OpenAsync(page, provider)).SubmitAsync(user.Email, user.Password);
        var passkeys = await (await ManagePageInBrowser.ReachedAsync(page, provider)).OpenPasskeysAsync();
        await Expect(passkeys.NoPasskeys).ToBeVisibleAsync();
        await Expect(passkeys.NewPasskeyName).Not.ToBeEmptyAsync(); // the browser and platform, suggested by the script
        await passkeys.AddAsync(PasskeyName);

        var recoveryCodes = new ShowRecoveryCodesPageInBrowser(page, provider);
        await Expect(recoveryCodes.YourRecoveryCodes.Or(passkeys.PasskeyError).Or(passkeys.Refusal)).ToBeVisibleAsync();
        foreach (var failure in new[] { passkeys.PasskeyError, passkeys.Refusal })
        {
            if (await failure.IsVisibleAsync())
            {
                Assert.Fail($"The passkey was not added: {await failure.TextContentAsync()}");
            }
        }

        await Expect(recoveryCodes.Codes).ToHaveCountAsync(10);
        await recoveryCodes.AcknowledgeAsync();

        passkeys = await PasskeysPageInBrowser.ReachedAsync(page, provider);
        await Expect(passkeys.RowsOf(PasskeyName)).ToHaveCountAsync(1);
        return passkeys;
    }
}
