using System.Text;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.Playwright;
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
    private const float Timeout = 20_000;

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
        var page = await fixture.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        try
        {
            await BrowserSteps.SignInAdministratorAsync(page, provider, admin, adminDevice, clock);

            // Imports the vendor's file with the pre-shared key sent apart from it.
            await page.GotoAsync(new Uri(provider, AdminHardwareTokensPage.Path).ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Import a seed file", Exact = true }).ClickAsync();
            await page.GetByLabel("Seed file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "tokens.xml",
                MimeType = "application/pskc+xml",
                Buffer = Encoding.UTF8.GetBytes(SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial)),
            });
            await page.GetByLabel("Pre-shared key (encrypted PSKC files only)", new() { Exact = true }).FillAsync(SeedFileSamples.PreSharedKeyHex);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.Locator("#added")).ToHaveTextAsync("1 token was added to the stock.");

            // Finds the token and assigns it; the user's first recovery codes are shown to hand over.
            await page.GetByRole(AriaRole.Link, new() { Name = "Tokens in stock", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = serial, Exact = true }).ClickAsync();
            await page.GetByLabel("User's e-mail address", new() { Exact = true }).FillAsync(user.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Assign token", Exact = true }).ClickAsync();
            await Expect(page.Locator("p.status")).ToContainTextAsync($"assigned to {user.Email}");
            await Expect(page.Locator("#issued-codes")).ToContainTextAsync("Recovery codes for");
            await page.CloseAsync();

            // The user signs in at the relying party; the token types into the field that has the focus.
            page = await fixture.Browser.NewPageAsync();
            page.SetDefaultTimeout(Timeout);
            await BrowserSteps.SignInAtRelyingPartyAsync(page, rp, provider, user);
            await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, TwoStepPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
            await Expect(page.GetByLabel("One-time password", new() { Exact = true })).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(HardwareTokenStories.RfcToken.HotpAt(0) + "\n");
            await page.WaitForURLAsync(rp.ToString());
            await Expect(page.Locator("#amr")).ToHaveTextAsync("pwd otp mfa");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The journey stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            if (!page.IsClosed)
            {
                await page.CloseAsync();
            }
        }
    }
}
