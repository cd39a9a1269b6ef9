using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Email;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IdentityProvider.IntegrationTests.Email;

public sealed class SecurityNotificationFixture : MailProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(Mail.ProviderSettings.Concat(TestData.TokenClient(3, "cli", null, "api"))) { ["Tokens:AllowSignInByToken"] = "true" };
}

/// <summary>
/// Each security event the owner must hear of becomes exactly one mail naming what happened, when and from which
/// browser, without a secret; the optional ones follow the account page's switch, the others do not.
/// </summary>
public class SecurityNotificationTests(SecurityNotificationFixture provider) : IClassFixture<SecurityNotificationFixture>
{
    private const string Browser = "NotificationTestBrowser/1.0";

    [Fact]
    public async Task PasswordChanged_OneMail_NamesWhatWhenBrowser_NoPassword()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        const string newPassword = "notified-new-password-1";

        var change = await (await ManagePage.OpenAsync(client).As<ManagePage>()).OpenChangePasswordAsync();
        (await change.ChangeAsync(user.Password, newPassword)).As<ManagePage>();

        var mail = await SingleNoticeAsync(user.Email, "your password was changed");
        var text = mail.Text();
        Assert.Contains("password of your account was changed", text);
        // Never recorded a zone (no browser cookie): Ui:TimeZone (UTC here), in English's format.
        Assert.Contains($"When: {provider.Factory.Clock.GetUtcNow().UtcDateTime.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en"))} ", text);
        Assert.Contains(" (UTC)", text);
        Assert.Contains(Browser, text);
        Assert.Contains("If this was not you", text);
        Assert.Contains("Test IdP", mail.Subject);
        Assert.Contains(Browser, mail.HtmlBody);
        Assert.DoesNotContain(newPassword, text + mail.HtmlBody);
        Assert.DoesNotContain(user.Password, text + mail.HtmlBody);
    }

    [Fact]
    public async Task DeviceAddedAndRemoved_FirstDevice_MailsForDeviceAndRecoveryCodes()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var device = await UserStories.EnrolTotpAsync(provider.Factory, user.Id, "Work phone");

        var codes = await provider.Factory.WithServiceAsync<DeviceChanges, IReadOnlyList<string>?>(changes => changes.AddedAsync(user.Id, "Work phone"));
        await provider.Factory.WithServiceAsync<DeviceChanges, bool>(changes => changes.RemoveAsync(user.Id, device.Id, "Work phone", administratorId: "an-admin"));

        var added = await SingleNoticeAsync(user.Email, "a two-step device was added");
        Assert.Contains("Work phone", added.Text());
        var removed = await SingleNoticeAsync(user.Email, "a two-step device was removed");
        Assert.Contains("by an administrator", removed.Text());
        var generated = await SingleNoticeAsync(user.Email, "new recovery codes");
        Assert.NotNull(codes);
        Assert.All(codes!, code => Assert.DoesNotContain(code, generated.Text() + generated.HtmlBody));
    }

    [Fact]
    public async Task RecoveryCodeUsedAtSignIn_MailSaysHowManyRemain()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        using var client = provider.CreateClient();

        var otp = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        var recovery = await otp.UseRecoveryCodeAsync();
        Assert.NotNull((await recovery.SubmitCodeAsync(codes[0])).ExternalRedirect);

        var mail = await SingleNoticeAsync(user.Email, "a recovery code was used");
        Assert.Contains("9 unused codes left", mail.Text());
        Assert.DoesNotContain(codes[0], mail.Text());
    }

    [Fact]
    public async Task TokenCreated_OptionalMail_FollowsTheAccountPageSwitch()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        await CreateTokenAsync(user.Id, "first");
        var first = await SingleNoticeAsync(user.Email, "a personal access token was created");
        Assert.Contains("first", first.Text());

        var page = await (await ManagePage.OpenAsync(client).As<ManagePage>()).OpenNotificationsAsync();
        Assert.True(page.OptionalOn);
        page.AssertEveryInputHasLabel();
        var off = await page.SetOptionalAsync(false);
        Assert.False(off.OptionalOn);

        await CreateTokenAsync(user.Id, "second");
        // A mail that cannot be turned off still goes, and proves the outbox ran after the token was made.
        var change = await (await ManagePage.OpenAsync(client).As<ManagePage>()).OpenChangePasswordAsync();
        (await change.ChangeAsync(user.Password, "still-notified-password")).As<ManagePage>();
        await SingleNoticeAsync(user.Email, "your password was changed");
        Assert.Equal(1, provider.Mail.To(user.Email).Count(MailStories.Notice("a personal access token was created")));

        Assert.True((await (await NotificationsPage.OpenAsync(client)).SetOptionalAsync(true)).OptionalOn);
        await CreateTokenAsync(user.Id, "third");
        await provider.Mail.WaitForAsync(user.Email, MailStories.Notice("a personal access token was created"), count: 2);
    }

    [Fact]
    public async Task LockedAfterFailedPasswords_OneMail()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            (await UserStories.SignInWithPasswordAsync(client, user.Email, "wrong-password-typed")).As<LoginPage>();
        }

        var mail = await SingleNoticeAsync(user.Email, "your account was locked");
        Assert.DoesNotContain("wrong-password-typed", mail.Text());
    }

    [Fact]
    public async Task SuspendedAndRestoredByAdministrator_MailsSayBy()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using (var scope = provider.Factory.Services.CreateScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
            var suspension = scope.ServiceProvider.GetRequiredService<TwoStepSuspension>();
            Assert.True((await suspension.SuspendAsync(account!, 3, "lost phone", "an-admin")).Succeeded);
            Assert.True((await suspension.RestoreAsync(account!, "an-admin")).Succeeded);
        }

        Assert.Contains("suspended", (await SingleNoticeAsync(user.Email, "two-step sign-in suspended")).Text());
        Assert.Contains("restored", (await SingleNoticeAsync(user.Email, "two-step sign-in restored")).Text());
    }

    [Fact]
    public async Task PasskeyAddedAndRemoved_MailTheOwner_NamingThePasskey_AndTheAdministrator()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);

        await provider.Factory.WithServiceAsync<SecurityLog, bool>(async log =>
        {
            await log.WriteAsync(SecurityEventKinds.PasskeyAdded, user.Id, "\"YubiKey 5\"");
            await log.WriteAsync(SecurityEventKinds.PasskeyRemoved, user.Id, "\"Old laptop\"", actorId: "an-admin");
            return true;
        });

        Assert.Contains("A passkey (YubiKey 5) was added to your account.", (await SingleNoticeAsync(user.Email, "a passkey was added")).Text());
        Assert.Contains("A passkey (Old laptop) was removed from your account by an administrator.", (await SingleNoticeAsync(user.Email, "a passkey was removed")).Text());
    }

    [Fact]
    public void Notices_CriticalOnesCannotBeTurnedOff()
    {
        foreach (var kind in new[]
        {
            "two-step.device-added", "two-step.device-removed", "passkey.added", "passkey.removed", "recovery-codes.generated", "sign-in.recovery-code-used",
            "password.changed", "password.reset-by-email",
        })
        {
            var notice = SecurityNotices.For(new SecurityEvent { Kind = kind, UserId = "u" });
            Assert.False(notice?.Optional ?? true, kind);
        }

        Assert.True(SecurityNotices.For(new SecurityEvent { Kind = "token.created", UserId = "u" })!.Optional);
        Assert.Null(SecurityNotices.For(new SecurityEvent { Kind = "sign-in.succeeded", UserId = "u" }));
    }

    private Task<ChangeResult<CreatedToken>> CreateTokenAsync(string userId, string label) =>
        provider.Factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens => tokens.CreateAsync(userId, new NewTokenInput(label, 30, false, ["api"])));

    /// <summary>Waits for the notice, then a moment more, and checks it came exactly once.</summary>
    private async Task<MimeMessage> SingleNoticeAsync(string email, string title)
    {
        await provider.Mail.WaitForAsync(email, MailStories.Notice(title));
        await Task.Delay(1200);
        var notices = provider.Mail.To(email).Where(MailStories.Notice(title)).ToList();
        return Assert.Single(notices);
    }
}
