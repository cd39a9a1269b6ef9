using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// A help desk issues a hardware token, in a real browser: the administrator imports the vendor's encrypted PSKC
/// file, finds the token and assigns it to a user (handing over the first recovery codes); at the relying party the
/// user enters the password, and at the OTP step the token "types" its 8-digit code and Enter into the field that
/// has the focus. The relying party receives amr pwd otp mfa.
/// </summary>
public class HardwareTokenJourneyTests(BrowserJourneyFixture fixture) : IClassFixture<BrowserJourneyFixture>
{
    [Fact]
    public async Task Journey_AdminImportsAndAssignsAToken_ItTypesItsCodeAndEnter_RelyingPartyGetsPwdOtpMfa()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        var clock = fixture.Rig.Provider.Clock;
        var admin = await UserStories.CreateUserAsync(fixture.Rig.Provider, role: ProviderRoles.Administrator, displayName: "Help Desk");
        var adminDevice = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, admin.Id);
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Token Holder");
        var serial = SeedFileSamples.UniqueSerial();
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var page = await journey.NewTabAsync();
            await BrowserSteps.SignInAdministratorAsync(page, provider, admin, adminDevice, clock);

            // Imports the vendor's file with the pre-shared key sent apart from it.
            var inventory = await AdminHardwareTokensPageInBrowser.OpenAsync(page, provider);
            var import = await inventory.ImportSeedFileAsync();
            await import.ImportAsync("tokens.xml", "application/pskc+xml",
                SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial), SeedFileSamples.PreSharedKeyHex);
            await Expect(import.Added).ToHaveTextAsync("1 token was added to the stock.");

            // Finds the token and assigns it; the user's first recovery codes are shown to hand over.
            inventory = await import.TokensInStockAsync();
            var token = await inventory.OpenTokenAsync(serial);
            await token.AssignAsync(user.Email);
            await Expect(token.Status).ToContainTextAsync($"assigned to {user.Email}");
            await Expect(token.IssuedCodes).ToContainTextAsync("Recovery codes for");
            await page.CloseAsync();

            // The user signs in at the relying party; the token types into the field that has the focus.
            page = await journey.NewTabAsync();
            await BrowserSteps.SignInAtRelyingPartyAsync(page, rp, provider, user);
            var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            await Expect(oneTimePassword.Code).ToBeFocusedAsync();
            await oneTimePassword.TypeIntoFocusAndEnterAsync(HardwareTokenStories.RfcToken.HotpAt(0));
            var relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd otp mfa");
        });
    }
}
