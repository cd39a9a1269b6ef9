using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests move the clock and devices' drift.</summary>
public sealed class OtpDriftFixture : ProviderFixture;

/// <summary>TOTP window of ±1 step around the device's tracked drift, and resynchronisation with two consecutive codes.</summary>
public class OtpDriftAndResyncTests(OtpDriftFixture provider) : IClassFixture<OtpDriftFixture>
{
    private ProviderFactory Factory => provider.Factory;

    private TestClock Clock => provider.Factory.Clock;

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task Totp_DeviceOneStepOff_Accepted(int stepOffset)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
        var done = await otp.SubmitCodeAsync(device.TotpNow(Clock, stepOffset));

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, done));
        Assert.Equal(stepOffset, (await Factory.ReadDeviceAsync(device.Id)).DriftSteps);
    }

    [Fact]
    public async Task Totp_DeviceTwoOrThreeStepsOff_Refused_CurrentCodeThenAccepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        // Far from the enrolment's step, so a refusal comes from the window, not from single use.
        Clock.Advance(5 * UserStories.Step);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await UserStories.PasswordToOtpPageAsync(client, request, user);

        foreach (var offset in new[] { -3, 3, -2, 2 })
        {
            page = await page.SubmitCodeAsync(device.TotpNow(Clock, offset)).As<TwoStepPage>();
            Assert.Contains("not correct", page.Alerts, StringComparison.OrdinalIgnoreCase);
        }

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task Totp_TrackedDrift_CentresWindow_AfterResyncAtPlusTwo_CodeAtPlusThreeAccepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);

        // The device runs two steps ahead: resynchronise with its codes for +1 and +2.
        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var resync = await OpenResyncAsync(client, request, user);
            var done = await resync.SubmitCodesAsync(device.TotpNow(Clock, 1), device.TotpNow(Clock, 2));
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, done));
            Assert.Equal(2, (await Factory.ReadDeviceAsync(device.Id)).DriftSteps);
        }

        // Time passes; the device now shows the code three steps ahead of the provider's clock. Without the
        // tracked drift that is outside ±1; centred on +2 it is inside.
        Clock.Advance(UserStories.Step);
        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock, 3))));
            Assert.Equal(3, (await Factory.ReadDeviceAsync(device.Id)).DriftSteps);
        }
    }

    [Fact]
    public async Task Resync_DeviceHundredStepsOff_NormalCodeRefused_TwoConsecutiveCodesSignIn_LaterCodesAccepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        const int drift = 100;

        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

            // The device's clock is 100 steps ahead: its code is far outside the window.
            var refused = await otp.SubmitCodeAsync(device.TotpNow(Clock, drift)).As<TwoStepPage>();
            Assert.Contains("not correct", refused.Alerts, StringComparison.OrdinalIgnoreCase);

            var resync = await FollowResyncLinkAsync(refused);

            // Two codes that are not consecutive (one skipped, or in the wrong order): refused with a message.
            foreach (var (first, second) in new[] { (drift, drift + 2), (drift + 1, drift) })
            {
                var answer = await resync.SubmitCodesAsync(device.TotpNow(Clock, first), device.TotpNow(Clock, second));
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                Assert.Null(answer.ExternalRedirect);
                resync = answer.As<ResyncPage>();
                Assert.False(string.IsNullOrEmpty(resync.Alerts), "No message for non-consecutive codes.");
            }

            // Two consecutive codes: the drift moves there and the sign-in completes with the OTP step proved.
            var done = await resync.SubmitCodesAsync(device.TotpNow(Clock, drift), device.TotpNow(Clock, drift + 1));
            var tokens = await UserStories.ExchangeCodeAsync(client, request, done);
            AssertTwoStepTokens(tokens);
            Assert.Equal(drift + 1, (await Factory.ReadDeviceAsync(device.Id)).DriftSteps);
        }

        // Later, the device's normal codes (still 100 steps ahead) pass the normal window.
        for (var signIn = 0; signIn < 2; signIn++)
        {
            Clock.Advance(2 * UserStories.Step);
            using var client = provider.CreateClient();
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock, drift))));
        }
    }

    [Fact]
    public async Task Resync_MalformedCodes_MessageWith200()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var resync = await OpenResyncAsync(client, UserStories.WebRequest(), user);

        foreach (var (first, second) in new[] { ("", ""), ("12a456", "123456"), ("123456", new string('9', 500)) })
        {
            var answer = await resync.SubmitCodesAsync(first, second);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            resync = answer.As<ResyncPage>();
            Assert.False(string.IsNullOrEmpty(resync.Alerts));
        }
    }

    /// <summary>Password, then the OTP page's "resynchronise" link.</summary>
    private static async Task<ResyncPage> OpenResyncAsync(ProviderClient client, AuthorizationRequest request, TestUser user) =>
        await FollowResyncLinkAsync(await UserStories.PasswordToOtpPageAsync(client, request, user));

    private static async Task<ResyncPage> FollowResyncLinkAsync(TwoStepPage otpPage)
    {
        var resync = await otpPage.ResynchroniseAsync();
        Assert.NotNull(resync.FirstCodeInput);
        Assert.NotNull(resync.SecondCodeInput);
        return resync;
    }
}
