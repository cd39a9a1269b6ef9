using System.Web;
using IdentityProvider.IntegrationTests.Hosting;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Email;

/// <summary>A provider of its own, so its captured log holds only this class's requests and mails.</summary>
public sealed class EmailLogSecrecyFixture : MailProviderFixture;

/// <summary>
/// A whole reset (request, mail, link, wrong and right one-time password, recovery code, new password) and the
/// notifications it sends leave no password, code, token or reset link in any log line. Runs with the other log
/// proofs, alone, so the capture holds only this provider's lines.
/// </summary>
[Collection(nameof(LogSecrecyCollection))]
public class EmailLogSecrecyTests(EmailLogSecrecyFixture provider) : IClassFixture<EmailLogSecrecyFixture>
{
    [Fact]
    public async Task Logs_ResetJourneyWithCodesAndNotifications_ContainNoSecret()
    {
        var (user, device, codes) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        const string wrongCode = "918273";
        const string firstPassword = "first-reset-secret-password";
        const string secondPassword = "second-reset-secret-password";
        using var client = provider.CreateClient();

        // Typed into the e-mail field by mistake: not logged from there either.
        await (await ForgotPasswordPage.OpenAsync(client)).RequestAsync(user.Password + "@example.com");
        var firstLink = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var form = await ResetPasswordPage.OpenAsync(client, firstLink);
        await form.ResetAsync(firstPassword, wrongCode);
        provider.Factory.Clock.Advance(UserStories.Step);
        var otp = device.TotpNow(provider.Factory.Clock);
        Assert.True((await form.ResetAsync(firstPassword, otp)).SaysPasswordReset);

        var secondLink = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        Assert.True((await (await ResetPasswordPage.OpenAsync(client, secondLink)).ResetAsync(secondPassword, codes[1])).SaysPasswordReset);
        await provider.Mail.WaitForAsync(user.Email, MailStories.Notice("your password was reset"), count: 2);

        var secrets = new Dictionary<string, string>
        {
            ["old password"] = user.Password,
            ["first new password"] = firstPassword,
            ["second new password"] = secondPassword,
            ["wrong one-time password"] = wrongCode,
            ["one-time password"] = otp,
            ["recovery code"] = codes[1],
            ["recovery code, bare"] = codes[1].Replace("-", "", StringComparison.Ordinal),
            ["first reset link"] = firstLink,
            ["second reset link"] = secondLink,
            ["first reset token"] = HttpUtility.ParseQueryString(new Uri(firstLink).Query)["code"]!,
            ["second reset token"] = HttpUtility.ParseQueryString(new Uri(secondLink).Query)["code"]!,
        };
        var lines = provider.Factory.Logs.Lines.ToList();
        // The capture works: the journey and the sender were logged at all (else this test would prove nothing).
        Assert.Contains(lines, line => line.Contains("password.reset-by-email", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("MailKind=password-reset", StringComparison.Ordinal));
        foreach (var (what, secret) in secrets)
        {
            var leaking = lines.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaking is null, $"The {what} appears in a log line: {leaking}");
        }
    }
}
