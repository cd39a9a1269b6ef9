using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using OtpNet;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>Two-step sign-in required for the role admin (Alice's), with a grace period of 7 days.</summary>
public sealed class TwoStepPolicyFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TwoStep:RequiredForRoles:0"] = ProviderRoles.Administrator,
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
            var request = UserStories.WebRequest();
            var enrol = await AliceSignsInAsync(client, request).As<EnrolTwoStepPage>();
            Assert.True(enrol.CanPostpone, "No \"Later\" button within the grace period.");
            Assert.True(enrol.ShowsBeginForm);
            Assert.False(await ManagePage.HasSessionAsync(client), "A session exists before the user chose to enrol or postpone.");

            enrol = await enrol.ReloadAsync();
            var later = await enrol.PostponeAsync();
            AssertPasswordOnlyTokens(await UserStories.ExchangeCodeAsync(client, request, later));
        }

        factory.Clock.Advance(TimeSpan.FromDays(8));

        // After it: no "Later", a forged postpone is refused, and only enrolment completes the sign-in.
        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var enrol = await AliceSignsInAsync(client, request).As<EnrolTwoStepPage>();
            Assert.False(enrol.CanPostpone, "A \"Later\" button after the grace period.");

            using var forged = await enrol.ForgePostponeAsync();
            var refusedAnswer = await client.FollowAsync(forged);
            Assert.Null(refusedAnswer.ExternalRedirect);
            var refused = refusedAnswer.As<EnrolTwoStepPage>();
            Assert.Contains("postpone", refused.Alerts, StringComparison.OrdinalIgnoreCase);
            Assert.False(await ManagePage.HasSessionAsync(client), "A refused postpone left a session.");

            enrol = await enrol.ReloadAsync();
            var done = await EnrolTotpThroughPagesAsync(enrol, factory.Clock);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, done));
        }

        // From now on Alice has a device: the OTP step, not enrolment.
        using (var client = provider.CreateClient())
        {
            await AliceSignsInAsync(client, UserStories.WebRequest()).As<TwoStepPage>();
        }
    }

    [Fact]
    public async Task Policy_UserWithoutRequiredRole_NotAskedToEnrol_PasswordOnly()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var redirect = await (await LoginPage.OpenAsync(client, request)).SignInAsync("bob@example.com", TestData.BobPassword);

        AssertPasswordOnlyTokens(await UserStories.ExchangeCodeAsync(client, request, redirect));
    }

    /// <summary>
    /// The enrolment forms as a person uses them: choose TOTP, read the secret shown for manual entry,
    /// compute the app's code and confirm.
    /// </summary>
    internal static async Task<ProviderPage> EnrolTotpThroughPagesAsync(EnrolTwoStepPage enrolPage, TestClock clock)
    {
        var answer = await enrolPage.BeginAsync("Phone", "Totp");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var shown = answer.As<EnrolTwoStepPage>();
        var groups = shown.ShownSecretGroups;
        Assert.All(groups.Take(groups.Count - 1), group => Assert.Equal(4, group.Length));
        var secret = Base32Encoding.ToBytes(shown.ShownSecret);
        Assert.Equal(OtpSecret.LengthFor(OtpHashAlgorithm.Sha1), secret.Length);

        var code = new Totp(secret).ComputeTotp(clock.GetUtcNow().UtcDateTime);
        var confirmed = await shown.ConfirmAsync(code);

        // With recovery codes on, the first device's codes are shown once and acknowledged before the sign-in goes on.
        if (confirmed.Is<ShowRecoveryCodesPage>())
        {
            confirmed = await confirmed.As<ShowRecoveryCodesPage>().ContinueAsync();
        }

        return confirmed;
    }

    private static async Task<ProviderPage> AliceSignsInAsync(ProviderClient client, AuthorizationRequest request) =>
        await (await LoginPage.OpenAsync(client, request)).SignInAsync(AliceEmail, TestData.AlicePassword);
}

/// <summary>Two-step sign-in required for everyone, with the default grace period.</summary>
public sealed class TwoStepForEveryoneFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TwoStep:RequiredForEveryone"] = "true",
    };
}

/// <summary>"Everyone" covers the users no role names: Bob, who has none, is asked to enrol like an administrator.</summary>
public class TwoStepForEveryoneTests(TwoStepForEveryoneFixture provider) : IClassFixture<TwoStepForEveryoneFixture>
{
    [Fact]
    public async Task Policy_Everyone_UserWithoutAnyRole_IsAskedToEnrol_AndMayPostponeWithinGrace()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var enrol = await (await LoginPage.OpenAsync(client, request)).SignInAsync("bob@example.com", TestData.BobPassword).As<EnrolTwoStepPage>();

        Assert.True(enrol.ShowsBeginForm);
        Assert.True(enrol.WarnsToCheckPhoneTime);
        Assert.True(enrol.CanPostpone, "No \"Later\" button within the grace period.");
        Assert.False(await ManagePage.HasSessionAsync(client), "A session exists before the user chose to enrol or postpone.");
    }
}
