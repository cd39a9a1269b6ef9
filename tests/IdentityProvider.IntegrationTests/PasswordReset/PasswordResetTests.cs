using System.Diagnostics;
using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.Email;
using IdentityProvider.PasswordReset;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PasswordReset;

public sealed class PasswordResetFixture : MailProviderFixture;

/// <summary>
/// "Forgot your password?" over a real SMTP server: one answer in one time for every address, a link that works
/// once for 30 minutes and dies when a newer one is sent or the password changes, and a reset that signs nobody in
/// but ends every session, refresh token and remembered browser.
/// </summary>
public class PasswordResetTests(PasswordResetFixture provider) : IClassFixture<PasswordResetFixture>
{
    private const string NewPassword = "a-brand-new-password-1";

    [Fact]
    public async Task Forgot_KnownAndUnknownAddress_SameAnswerInSameTime_MailOnlyToAccount()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        using var client = provider.CreateClient();

        var (knownAnswer, knownTime) = await TimedRequestAsync(client, user.Email);
        var (unknownAnswer, unknownTime) = await TimedRequestAsync(client, unknown);

        Assert.False(string.IsNullOrEmpty(knownAnswer));
        Assert.Equal(knownAnswer, unknownAnswer);
        // Both wait out the same answer time; what differs is only the machine's noise.
        Assert.True(knownTime >= PasswordResetRequests.AnswerTime && unknownTime >= PasswordResetRequests.AnswerTime, $"{knownTime} {unknownTime}");
        Assert.True((knownTime - unknownTime).Duration() < TimeSpan.FromMilliseconds(400), $"known {knownTime}, unknown {unknownTime}");
        await provider.Mail.WaitForAsync(user.Email, MailStories.IsReset);
        await Task.Delay(1500);
        Assert.Empty(provider.Mail.To(unknown));
    }

    [Fact]
    public async Task Forgot_BadAddress_FormMessageNot500()
    {
        using var client = provider.CreateClient();
        var forgot = await ForgotPasswordPage.OpenAsync(client);
        forgot.AssertEveryInputHasLabel();

        var empty = await forgot.RequestAsync("");
        Assert.Null(empty.Answer);
        Assert.Contains("Enter your e-mail address.", empty.Alerts);
        var malformed = await forgot.RequestAsync("not an address\u0001");
        Assert.Contains("Enter a valid e-mail address.", malformed.Alerts);
        var huge = await forgot.PostRequestAsync(new string('a', 5000) + "@example.com");
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task Reset_LinkWorksOnce_NewPasswordSignsIn_OldDoesNot_NoSignInByItself()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        var reset = await ResetPasswordPage.OpenAsync(client, link);
        reset.AssertEveryInputHasLabel();
        Assert.False(reset.AsksForCode);
        var done = await reset.ResetAsync(NewPassword);
        Assert.True(done.SaysPasswordReset, done.Text);

        // Not signed in by the reset: the account page asks for the password.
        await ManagePage.OpenAsync(client).As<LoginPage>();
        var again = await ResetPasswordPage.OpenAsync(client, link);
        Assert.True(again.SaysLinkInvalid);
        Assert.False(again.OffersForm);

        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, user.Password)).As<LoginPage>();
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, NewPassword)).As<ManagePage>();
        var events = await provider.Factory.SecurityEventsAsync(user.Id);
        Assert.Contains(events, securityEvent => securityEvent.Kind == SecurityEventKinds.PasswordResetByEmail);
    }

    [Fact]
    public async Task Reset_ReplayedPostOfUsedLink_RefusedAndPasswordKept()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var form = await ResetPasswordPage.OpenAsync(client, link);

        Assert.True((await form.ResetAsync(NewPassword)).SaysPasswordReset);
        var replay = await form.ResetAsync("another-password-2");

        Assert.True(replay.SaysLinkInvalid);
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, NewPassword)).As<ManagePage>();
    }

    [Fact]
    public async Task Reset_After31Minutes_LinkExpired()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var form = await ResetPasswordPage.OpenAsync(client, link);

        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.True((await ResetPasswordPage.OpenAsync(client, link)).SaysLinkInvalid);
        Assert.True((await form.ResetAsync(NewPassword)).SaysLinkInvalid);
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, user.Password)).As<ManagePage>();
    }

    [Fact]
    public async Task Reset_NewerLinkSent_OlderLinkVoid_NewerWorks()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var older = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var newer = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        Assert.NotEqual(older, newer);
        Assert.True((await ResetPasswordPage.OpenAsync(client, older)).SaysLinkInvalid);
        Assert.True((await (await ResetPasswordPage.OpenAsync(client, newer)).ResetAsync(NewPassword)).SaysPasswordReset);
    }

    [Fact]
    public async Task Reset_PasswordChangedAfterLinkSent_LinkVoid()
    {
        var (user, signedIn) = await UserStories.SignedInUserAsync(provider);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        var change = await ChangePasswordPage.OpenAsync(signedIn);
        (await change.ChangeAsync(user.Password, "changed-on-the-account-page")).As<ManagePage>();

        Assert.True((await ResetPasswordPage.OpenAsync(client, link)).SaysLinkInvalid);
    }

    [Fact]
    public async Task Reset_TamperedLink_InvalidNot500()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        Assert.True((await ResetPasswordPage.OpenAsync(client, ResetPasswordPage.Tampered(link))).SaysLinkInvalid);
        var bare = await client.GetAsync(new Uri(link).AbsolutePath);
        Assert.True(bare.As<ResetPasswordPage>().SaysLinkInvalid);
    }

    [Fact]
    public async Task Reset_BadPasswords_FormMessages_LinkStillWorks()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var form = await ResetPasswordPage.OpenAsync(client, link);

        Assert.Contains("do not match", (await form.ResetAsync(NewPassword, confirmation: NewPassword + "x")).Alerts);
        Assert.Contains("at least 8", (await form.ResetAsync("short")).Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("at most", (await form.ResetAsync(new string('p', 2000))).Alerts);

        Assert.True((await form.ResetAsync(NewPassword)).SaysPasswordReset);
    }

    [Fact]
    public async Task Reset_EndsOtherSessions_VoidsRefreshTokensAndRememberedBrowsers()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var device = await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        using var browser = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(browser, request, user);
        provider.Factory.Clock.Advance(UserStories.Step);
        var tokens = await UserStories.ExchangeCodeAsync(browser, request, await otp.SubmitCodeAsync(device.TotpNow(provider.Factory.Clock), rememberBrowser: true));
        Assert.NotEmpty(await provider.Factory.QueryAsync(db => Task.FromResult(db.RememberedBrowsers.Where(row => row.UserId == user.Id).ToList())));

        using var mailbox = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(mailbox, provider.Mail, user.Email);
        provider.Factory.Clock.Advance(UserStories.Step);
        var done = await (await ResetPasswordPage.OpenAsync(mailbox, link)).ResetAsync(NewPassword, device.TotpNow(provider.Factory.Clock));
        Assert.True(done.SaysPasswordReset, done.Alerts);

        await ManagePage.OpenAsync(browser).As<LoginPage>();
        var refreshed = await TokenResponse.RefreshAsync(browser.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Empty(await provider.Factory.QueryAsync(db => Task.FromResult(db.RememberedBrowsers.Where(row => row.UserId == user.Id).ToList())));
        Assert.Empty(await provider.Factory.QueryAsync(db => Task.FromResult(db.UserSessions.Where(row => row.UserId == user.Id).ToList())));
    }

    [Fact]
    public async Task Forgot_FourRequestsForOneAccount_ThreeMailsAtMost()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        for (var request = 0; request < 4; request++)
        {
            var forgot = await ForgotPasswordPage.OpenAsync(client);
            Assert.NotNull((await forgot.RequestAsync(user.Email)).Answer);
        }

        await provider.Mail.WaitForAsync(user.Email, MailStories.IsReset, count: 3);
        await Task.Delay(2000);
        Assert.Equal(3, provider.Mail.To(user.Email).Count(MailStories.IsReset));
    }

    private static async Task<(string? Answer, TimeSpan Time)> TimedRequestAsync(ProviderClient client, string email)
    {
        var forgot = await ForgotPasswordPage.OpenAsync(client);
        var started = Stopwatch.StartNew();
        var answered = await forgot.RequestAsync(email);
        return (answered.Answer, started.Elapsed);
    }
}
