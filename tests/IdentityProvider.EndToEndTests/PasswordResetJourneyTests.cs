using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;
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
        // Note: administrators may sign in as a user here (the impersonation journey); nothing else depends on it.
        var settings = new Dictionary<string, string?>(Mail.ProviderSettings) { ["Administration:SignInAsUser"] = "true" };
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite, settings);
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
            var login = await LoginPageInBrowser.OpenAsync(page, provider);
            var forgot = await login.ForgotPasswordAsync();
            await forgot.RequestLinkAsync(user.Email);
            await Expect(forgot.StatusMessage).ToContainTextAsync("If an account exists for this address");

            var mail = (await fixture.Mail.WaitForAsync(user.Email, MailStories.IsReset))[0];
            var link = MailStories.ResetLinkOf(mail);
            Assert.StartsWith(provider.ToString(), link);
            Assert.Contains("Forgetful User", mail.HtmlBody);

            var reset = await ResetPasswordPageInBrowser.OpenLinkAsync(page, provider, link);
            await Expect(reset.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
            // Without the code the password is not changed.
            await reset.ResetAsync(NewPassword);
            await Expect(reset.Alert).ToContainTextAsync("Enter a one-time password");

            clock.Advance(UserStories.Step);
            await reset.ResetAsync(NewPassword, device.TotpNow(clock));
            await Expect(reset.StatusMessage).ToContainTextAsync("Your password is reset");

            // Not signed in by the reset: the sign-in runs the password step, then the one-time password.
            login = await reset.SignInAsync();
            await login.SubmitAsync(user.Email, NewPassword);
            var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            clock.Advance(UserStories.Step);
            await oneTimePassword.EnterCodeToAccountAsync(device.TotpNow(clock));

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
