using System.Net;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests move the clock and devices' drift.</summary>
public sealed class OtpDriftFixture : ProviderFixture;

/// <summary>TOTP window of ±1 step around the device's tracked drift, and resynchronisation with two consecutive codes.</summary>
public class OtpDriftAndResyncTests(OtpDriftFixture provider) : IClassFixture<OtpDriftFixture>
{
    private const string FirstCodeField = "Input.FirstCode";
    private const string SecondCodeField = "Input.SecondCode";

    private ProviderFactory Factory => provider.Factory;

    private TestClock Clock => provider.Factory.Clock;

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task Totp_DeviceOneStepOff_Accepted(int stepOffset)
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();

        var otp = await PasswordAsync(client, request, user);
        var done = await SubmitCodeAsync(client, otp, device.TotpNow(Clock, stepOffset));

        AssertTwoStepTokens(await TokensAsync(client, request, done));
        Assert.Equal(stepOffset, (await ReadDeviceAsync(Factory, device.Id)).DriftSteps);
    }

    [Fact]
    public async Task Totp_DeviceTwoOrThreeStepsOff_Refused_CurrentCodeThenAccepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        // Far from the enrolment's step, so a refusal comes from the window, not from single use.
        Clock.Advance(5 * Step);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await PasswordAsync(client, request, user);

        foreach (var offset in new[] { -3, 3, -2, 2 })
        {
            page = await SubmitCodeAsync(client, page, device.TotpNow(Clock, offset));
            AssertOtpPage(page);
            Assert.Contains("not correct", AlertText(page), StringComparison.OrdinalIgnoreCase);
        }

        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, page, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task Totp_TrackedDrift_CentresWindow_AfterResyncAtPlusTwo_CodeAtPlusThreeAccepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);

        // The device runs two steps ahead: resynchronise with its codes for +1 and +2.
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var resync = await OpenResyncAsync(client, request, user);
            var done = await client.SubmitAsync(resync, new Dictionary<string, string>
            {
                [FirstCodeField] = device.TotpNow(Clock, 1),
                [SecondCodeField] = device.TotpNow(Clock, 2),
            });
            AssertTwoStepTokens(await TokensAsync(client, request, done));
            Assert.Equal(2, (await ReadDeviceAsync(Factory, device.Id)).DriftSteps);
        }

        // Time passes; the device now shows the code three steps ahead of the provider's clock. Without the
        // tracked drift that is outside ±1; centred on +2 it is inside.
        Clock.Advance(Step);
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock, 3))));
            Assert.Equal(3, (await ReadDeviceAsync(Factory, device.Id)).DriftSteps);
        }
    }

    [Fact]
    public async Task Resync_DeviceHundredStepsOff_NormalCodeRefused_TwoConsecutiveCodesSignIn_LaterCodesAccepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        const int drift = 100;

        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertOtpPage(otp);

            // The device's clock is 100 steps ahead: its code is far outside the window.
            var refused = await SubmitCodeAsync(client, otp, device.TotpNow(Clock, drift));
            AssertOtpPage(refused);
            Assert.Contains("not correct", AlertText(refused), StringComparison.OrdinalIgnoreCase);

            var resync = await FollowResyncLinkAsync(client, refused);

            // Two codes that are not consecutive (one skipped, or in the wrong order): refused with a message.
            foreach (var (first, second) in new[] { (drift, drift + 2), (drift + 1, drift) })
            {
                resync = await client.SubmitAsync(resync, new Dictionary<string, string>
                {
                    [FirstCodeField] = device.TotpNow(Clock, first),
                    [SecondCodeField] = device.TotpNow(Clock, second),
                });
                Assert.Equal(HttpStatusCode.OK, resync.Status);
                Assert.Equal(ResyncPath, resync.Uri.AbsolutePath);
                Assert.Null(resync.ExternalRedirect);
                Assert.False(string.IsNullOrEmpty(AlertText(resync)), "No message for non-consecutive codes.");
            }

            // Two consecutive codes: the drift moves there and the sign-in completes with the OTP step proved.
            var done = await client.SubmitAsync(resync, new Dictionary<string, string>
            {
                [FirstCodeField] = device.TotpNow(Clock, drift),
                [SecondCodeField] = device.TotpNow(Clock, drift + 1),
            });
            var tokens = await TokensAsync(client, request, done);
            AssertTwoStepTokens(tokens);
            Assert.Equal(drift + 1, (await ReadDeviceAsync(Factory, device.Id)).DriftSteps);
        }

        // Later, the device's normal codes (still 100 steps ahead) pass the normal window.
        for (var signIn = 0; signIn < 2; signIn++)
        {
            Clock.Advance(2 * Step);
            using var client = provider.CreateClient();
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock, drift))));
        }
    }

    [Fact]
    public async Task Resync_MalformedCodes_MessageWith200()
    {
        var user = await CreateUserAsync(Factory);
        await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var resync = await OpenResyncAsync(client, SignInSteps.WebRequest(), user);

        foreach (var (first, second) in new[] { ("", ""), ("12a456", "123456"), ("123456", new string('9', 500)) })
        {
            resync = await client.SubmitAsync(resync, new Dictionary<string, string> { [FirstCodeField] = first, [SecondCodeField] = second });
            Assert.Equal(HttpStatusCode.OK, resync.Status);
            Assert.Equal(ResyncPath, resync.Uri.AbsolutePath);
            Assert.False(string.IsNullOrEmpty(AlertText(resync)));
        }
    }

    /// <summary>Password, then the OTP page's "resynchronise" link.</summary>
    private static async Task<ProviderPage> OpenResyncAsync(ProviderClient client, AuthorizationRequest request, TestUser user)
    {
        var otp = await PasswordAsync(client, request, user);
        AssertOtpPage(otp);
        return await FollowResyncLinkAsync(client, otp);
    }

    private static async Task<ProviderPage> FollowResyncLinkAsync(ProviderClient client, ProviderPage otpPage)
    {
        var link = otpPage.Document.QuerySelector($"a[href*='{ResyncPath}']")?.GetAttribute("href")
            ?? throw new Xunit.Sdk.XunitException($"No link to {ResyncPath} on the OTP page: {otpPage.Body}");
        var resync = await client.GetAsync(link);
        Assert.Equal(ResyncPath, resync.Uri.AbsolutePath);
        Assert.NotNull(resync.Document.QuerySelector($"input[name='{FirstCodeField}']"));
        Assert.NotNull(resync.Document.QuerySelector($"input[name='{SecondCodeField}']"));
        return resync;
    }
}
