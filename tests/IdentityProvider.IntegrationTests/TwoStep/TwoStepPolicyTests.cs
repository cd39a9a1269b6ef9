using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using OtpNet;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>Two-step sign-in required for the role admin (Alice's), with a grace period of 7 days.</summary>
public sealed class TwoStepPolicyFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TwoStep:RequiredForRoles:0"] = "admin",
        ["TwoStep:GracePeriodDays"] = "7",
    };
}

/// <summary>The per-role policy: enrolment during sign-in, postponable during the grace period, mandatory after it.</summary>
public class TwoStepPolicyTests(TwoStepPolicyFixture provider) : IClassFixture<TwoStepPolicyFixture>
{
    private const string AliceEmail = "alice@example.com";

    [Fact]
    public async Task Policy_AdminWithoutDevice_LaterWithinGrace_ThenEnrolmentMandatory_CompletesWithOtp()
    {
        var factory = provider.Factory;

        // Within the grace period: enrolment is offered, with a "Later" button that signs in with the password alone.
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var enrol = await SignInSteps.SignInAsync(client, request, AliceEmail, TestData.AlicePassword);
            AssertEnrolPage(enrol);
            Assert.True(HasLaterButton(enrol), "No \"Later\" button within the grace period.");
            Assert.NotNull(enrol.Document.QuerySelector("form[action*='handler=Begin']"));
            Assert.False(await HasSessionAsync(client), "A session exists before the user chose to enrol or postpone.");

            enrol = await client.GetAsync(enrol.Uri.PathAndQuery);
            AssertEnrolPage(enrol);
            var later = await client.SubmitAsync(enrol, formSelector: "form[action*='handler=Postpone']");
            AssertPasswordOnlyTokens(await TokensAsync(client, request, later));
        }

        factory.Clock.Advance(TimeSpan.FromDays(8));

        // After it: no "Later", a forged postpone is refused, and only enrolment completes the sign-in.
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var enrol = await SignInSteps.SignInAsync(client, request, AliceEmail, TestData.AlicePassword);
            AssertEnrolPage(enrol);
            Assert.False(HasLaterButton(enrol), "A \"Later\" button after the grace period.");

            var query = enrol.Uri.Query.TrimStart('?');
            using var forged = await PostFormAsync(client, enrol, new Dictionary<string, string>(),
                formSelector: "form[action*='handler=Begin']", action: $"{EnrolPath}?handler=Postpone&{query}");
            var refused = await client.FollowAsync(forged);
            Assert.Null(refused.ExternalRedirect);
            AssertEnrolPage(refused);
            Assert.Contains("postpone", AlertText(refused), StringComparison.OrdinalIgnoreCase);
            Assert.False(await HasSessionAsync(client), "A refused postpone left a session.");

            enrol = await client.GetAsync(enrol.Uri.PathAndQuery);
            AssertEnrolPage(enrol);
            var done = await EnrolTotpThroughPagesAsync(client, enrol, factory.Clock);
            AssertTwoStepTokens(await TokensAsync(client, request, done));
        }

        // From now on Alice has a device: the OTP step, not enrolment.
        using (var client = provider.CreateClient())
        {
            var page = await SignInSteps.SignInAsync(client, SignInSteps.WebRequest(), AliceEmail, TestData.AlicePassword);
            AssertOtpPage(page);
        }
    }

    [Fact]
    public async Task Policy_UserWithoutRequiredRole_NotAskedToEnrol_PasswordOnly()
    {
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();

        var redirect = await SignInSteps.SignInAsync(client, request, "bob@example.com", TestData.BobPassword);

        AssertPasswordOnlyTokens(await TokensAsync(client, request, redirect));
    }

    /// <summary>
    /// The enrolment forms as a person uses them: choose TOTP, read the secret shown for manual entry,
    /// compute the app's code and confirm.
    /// </summary>
    internal static async Task<ProviderPage> EnrolTotpThroughPagesAsync(ProviderClient client, ProviderPage enrolPage, TestClock clock)
    {
        var shown = await client.SubmitAsync(enrolPage, new Dictionary<string, string>
        {
            ["Enrolment.Name"] = "Phone",
            ["Enrolment.Type"] = "Totp",
        }, formSelector: "form[action*='handler=Begin']");
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var secretText = shown.Document.QuerySelector("#otp-secret")?.TextContent
            ?? throw new Xunit.Sdk.XunitException($"No #otp-secret on {shown.Uri}: {AlertText(shown)}");
        var groups = secretText.Trim().Split(' ');
        Assert.All(groups[..^1], group => Assert.Equal(4, group.Length));
        var secret = Base32Encoding.ToBytes(secretText.Replace(" ", ""));
        Assert.Equal(OtpSecret.LengthFor(OtpHashAlgorithm.Sha1), secret.Length);

        var code = new Totp(secret).ComputeTotp(clock.GetUtcNow().UtcDateTime);
        var confirmed = await client.SubmitAsync(shown, new Dictionary<string, string> { ["Enrolment.FirstCode"] = code },
            formSelector: "form[action*='handler=Confirm']");

        // With recovery codes on, the first device's codes are shown once and acknowledged before the sign-in goes on.
        if (confirmed.ExternalRedirect is null && confirmed.Uri.AbsolutePath == RecoveryCodesShownPath)
        {
            confirmed = await client.SubmitAsync(confirmed, new Dictionary<string, string> { ["Saved"] = "true" });
        }

        return confirmed;
    }

    private const string RecoveryCodesShownPath = "/Manage/RecoveryCodes/Show";
}
