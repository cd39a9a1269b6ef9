using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests lock accounts.</summary>
public sealed class OtpLockoutFixture : ProviderFixture;

/// <summary>Failed codes count toward the account lockout; a lockout ends the half-finished sign-in; the security log keeps no code.</summary>
public class OtpLockoutTests(OtpLockoutFixture provider) : IClassFixture<OtpLockoutFixture>
{
    [Fact]
    public async Task OtpPage_FiveWrongCodes_LocksAccount_EndsPendingSignIn_LogsWithoutCodes()
    {
        var factory = provider.Factory;
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await UserStories.PasswordToOtpPageAsync(client, request, user);

        var wrongCode = device.WrongTotp(factory.Clock);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            page = await page.SubmitCodeAsync(wrongCode).As<TwoStepPage>();
            Assert.DoesNotContain("locked", page.Alerts, StringComparison.OrdinalIgnoreCase);
        }

        // The fifth wrong code locks the account and sends the user back to the password page.
        var fifth = await page.SubmitCodeAsync(wrongCode).As<LoginPage>();
        Assert.Contains("locked", fifth.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.Null(fifth.Page.ExternalRedirect);

        // The security log has every failure and the lockout, and never a code or the secret.
        var events = await factory.SecurityEventsAsync(user.Id);
        Assert.Equal(5, events.Count(row => row.Kind == SecurityEventKinds.OtpFailed));
        Assert.Contains(events, row => row.Kind == SecurityEventKinds.LockedOut);
        var secrets = new[] { wrongCode, device.Base32Secret }
            .Concat(Enumerable.Range(-3, 7).Select(offset => device.TotpNow(factory.Clock, offset)))
            .ToList();
        foreach (var row in events)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, row.Detail ?? "", StringComparison.OrdinalIgnoreCase);
            }
        }

        // The pending sign-in is gone: the OTP page sends back to the password page (not even to "locked").
        var otpAgain = await TwoStepPage.OpenAsync(client).As<LoginPage>();
        Assert.DoesNotContain("locked", otpAgain.Page.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("locked", otpAgain.Alerts, StringComparison.OrdinalIgnoreCase);

        // Even the right code cannot be posted into it any more.
        var rightCode = await page.SubmitCodeAsync(device.TotpNow(factory.Clock)).As<LoginPage>();
        Assert.Null(rightCode.Page.ExternalRedirect);

        // The right password is refused while the lockout lasts.
        var rightPassword = await UserStories.SignInWithPasswordAsync(client, UserStories.WebRequest(), user).As<LoginPage>();
        Assert.Contains("locked", rightPassword.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.False(await ManagePage.HasSessionAsync(client));
    }

    [Fact]
    public async Task OtpPage_FourWrongCodesThenRight_SignsIn_CounterReset()
    {
        var factory = provider.Factory;
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);
        var wrongCode = device.WrongTotp(factory.Clock);

        // Four failures, then success: the count starts again, so four more failures do not lock.
        for (var round = 0; round < 2; round++)
        {
            using var client = provider.CreateClient();
            var request = UserStories.WebRequest();
            var page = await UserStories.PasswordToOtpPageAsync(client, request, user);
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                page = await page.SubmitCodeAsync(wrongCode).As<TwoStepPage>();
            }

            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(device.TotpNow(factory.Clock))));
            factory.Clock.Advance(UserStories.Step);
            wrongCode = device.WrongTotp(factory.Clock);
        }
    }
}
