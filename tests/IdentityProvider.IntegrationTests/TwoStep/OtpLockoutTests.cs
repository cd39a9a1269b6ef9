using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

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
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await PasswordAsync(client, request, user);
        AssertOtpPage(page);

        var wrongCode = device.WrongTotp(factory.Clock);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            page = await SubmitCodeAsync(client, page, wrongCode);
            AssertOtpPage(page);
            Assert.DoesNotContain("locked", AlertText(page), StringComparison.OrdinalIgnoreCase);
        }

        // The fifth wrong code locks the account and sends the user back to the password page.
        var fifth = await SubmitCodeAsync(client, page, wrongCode);
        AssertPasswordPage(fifth);
        Assert.Contains("locked", AlertText(fifth), StringComparison.OrdinalIgnoreCase);
        Assert.Null(fifth.ExternalRedirect);

        // The security log has every failure and the lockout, and never a code or the secret.
        var events = await SecurityEventsAsync(factory, user.Id);
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
        var otpAgain = await client.GetAsync(OtpPath);
        AssertPasswordPage(otpAgain);
        Assert.DoesNotContain("locked", otpAgain.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("locked", AlertText(otpAgain), StringComparison.OrdinalIgnoreCase);

        // Even the right code cannot be posted into it any more.
        var rightCode = await SubmitCodeAsync(client, page, device.TotpNow(factory.Clock));
        AssertPasswordPage(rightCode);
        Assert.Null(rightCode.ExternalRedirect);

        // The right password is refused while the lockout lasts.
        var rightPassword = await PasswordAsync(client, SignInSteps.WebRequest(), user);
        AssertPasswordPage(rightPassword);
        Assert.Contains("locked", AlertText(rightPassword), StringComparison.OrdinalIgnoreCase);
        Assert.False(await HasSessionAsync(client));
    }

    [Fact]
    public async Task OtpPage_FourWrongCodesThenRight_SignsIn_CounterReset()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);
        var wrongCode = device.WrongTotp(factory.Clock);

        // Four failures, then success: the count starts again, so four more failures do not lock.
        for (var round = 0; round < 2; round++)
        {
            using var client = provider.CreateClient();
            var request = SignInSteps.WebRequest();
            var page = await PasswordAsync(client, request, user);
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                page = await SubmitCodeAsync(client, page, wrongCode);
                AssertOtpPage(page);
            }

            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, page, device.TotpNow(factory.Clock))));
            factory.Clock.Advance(Step);
            wrongCode = device.WrongTotp(factory.Clock);
        }
    }
}
