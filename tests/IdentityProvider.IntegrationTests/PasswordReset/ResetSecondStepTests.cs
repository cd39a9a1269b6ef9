using IdentityProvider.IntegrationTests.Email;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PasswordReset;

public sealed class ResetSecondStepFixture : MailProviderFixture;

/// <summary>
/// No bypass: a reset link alone does not reset the password of a user with two-step sign-in; the page asks for a
/// one-time password or a recovery code, refuses a wrong one (counting toward the lockout), and the next sign-in
/// still runs both steps.
/// </summary>
public class ResetSecondStepTests(ResetSecondStepFixture provider) : IClassFixture<ResetSecondStepFixture>
{
    private const string NewPassword = "reset-with-second-step-1";

    [Fact]
    public async Task TwoStepUser_NoCodeOrWrongCode_Refused_RightCode_Resets_NextSignInAsksBothSteps()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var device = await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        var form = await ResetPasswordPage.OpenAsync(client, link);
        Assert.True(form.AsksForCode);
        form.AssertEveryInputHasLabel();
        var missing = await form.ResetAsync(NewPassword);
        Assert.Contains("Enter a one-time password", missing.Alerts);
        var wrong = await form.ResetAsync(NewPassword, "000000");
        Assert.Contains("not valid", wrong.Alerts);
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, NewPassword)).As<LoginPage>();

        provider.Factory.Clock.Advance(UserStories.Step);
        var done = await form.ResetAsync(NewPassword, device.TotpNow(provider.Factory.Clock));
        Assert.True(done.SaysPasswordReset, done.Alerts);

        // The reset did not sign in, and the new password leads to the OTP step, not past it.
        Assert.False(await ManagePage.HasSessionAsync(client));
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, NewPassword)).As<TwoStepPage>();
    }

    [Fact]
    public async Task TwoStepUser_RecoveryCode_Resets_AndIsSpent()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);

        var done = await (await ResetPasswordPage.OpenAsync(client, link)).ResetAsync(NewPassword, codes[0].ToUpperInvariant());
        Assert.True(done.SaysPasswordReset, done.Alerts);

        var codesLeft = await provider.Factory.ReadRecoveryCodesAsync(user.Id);
        Assert.Single(codesLeft, code => code.SpentAt is not null);
    }

    [Fact]
    public async Task TwoStepUser_FiveWrongCodes_AccountLocked_NothingChanged()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var device = await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        using var client = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(client, provider.Mail, user.Email);
        var form = await ResetPasswordPage.OpenAsync(client, link);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await form.ResetAsync(NewPassword, "12345" + attempt);
        }

        provider.Factory.Clock.Advance(UserStories.Step);
        var locked = await form.ResetAsync(NewPassword, device.TotpNow(provider.Factory.Clock));
        Assert.Contains("locked", locked.Alerts);
        Assert.False(locked.SaysPasswordReset);
        Assert.True((await provider.Factory.ReadUserAsync(user.Id)).LockoutEnd > provider.Factory.Clock.GetUtcNow());
    }
}
