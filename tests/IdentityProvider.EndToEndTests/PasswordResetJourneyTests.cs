using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>The provider on Kestrel with its mail going to an SMTP server on loopback, and Chromium.</summary>
public sealed class MailJourneyFixture : IAsyncLifetime
{
    private RelyingPartyRig? rig;
    private BrowserSession? browser;

    public MailCatcher Mail { get; } = new();

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite, Mail.ProviderSettings);
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

        Mail.Dispose();
    }
}

/// <summary>
/// A user with two-step sign-in forgets the password, in a real browser: "Forgot your password?", the mail arrives over
/// SMTP, the link asks for the new password and a one-time password, the reset does not sign in, and the next sign-in
/// asks for both steps.
/// </summary>
public class PasswordResetJourneyTests(MailJourneyFixture fixture) : IClassFixture<MailJourneyFixture>
{
    private const float Timeout = 20_000;
    private const string NewPassword = "journey-new-password-1";

    [Fact]
    public async Task Journey_ForgotPassword_MailLinkAsksForOtp_ThenSignInAsksBothSteps()
    {
        var provider = fixture.Rig.ProviderAddress;
        var clock = fixture.Rig.Provider.Clock;
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Forgetful User");
        var device = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, user.Id);
        var page = await fixture.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        try
        {
            await page.GotoAsync(new Uri(provider, LoginPage.Path).ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = ForgotPasswordPage.LinkText, Exact = true }).ClickAsync();
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(user.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send link", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account exists for this address");

            var mail = (await fixture.Mail.WaitForAsync(user.Email, MailStories.IsReset))[0];
            var link = MailStories.ResetLinkOf(mail);
            Assert.StartsWith(provider.ToString(), link);
            Assert.Contains("Forgetful User", mail.HtmlBody);

            await page.GotoAsync(link);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
            await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(NewPassword);
            var code = page.GetByLabel("One-time password or recovery code", new() { Exact = true });
            await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
            // Without the code the password is not changed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Reset password", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a one-time password");

            clock.Advance(UserStories.Step);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
            await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(NewPassword);
            await code.FillAsync(device.TotpNow(clock));
            await page.GetByRole(AriaRole.Button, new() { Name = "Reset password", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is reset");

            // Not signed in by the reset: the sign-in runs the password step, then the one-time password.
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await BrowserSteps.SubmitPasswordAsync(page, user.Email, NewPassword);
            await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, TwoStepPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
            clock.Advance(UserStories.Step);
            await page.GetByLabel("One-time password", new() { Exact = true }).FillAsync(device.TotpNow(clock));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new Uri(provider, ManagePage.Path).ToString());

            await fixture.Mail.WaitForAsync(user.Email, MailStories.Notice("your password was reset"));
        }
        catch
        {
            Console.WriteLine(await BrowserSteps.SafeContentAsync(page));
            throw;
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
