using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: Bob enrols a device here.</summary>
public sealed class StepUpFixture : ProviderFixture;

/// <summary>acr_values=mfa on a session that proved only the password: the OTP step (or enrolment) without the password again.</summary>
public class StepUpTests(StepUpFixture provider) : IClassFixture<StepUpFixture>
{
    private static AuthorizationRequest MfaRequest() => SignInSteps.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });

    [Fact]
    public async Task StepUp_PasswordSessionWithoutDevice_AcrValuesMfa_EnrolmentWithoutLater_ThenAcrMfa()
    {
        using var client = provider.CreateClient();
        var first = SignInSteps.WebRequest();
        var redirect = await SignInSteps.SignInAsync(client, first, "bob@example.com", TestData.BobPassword);
        AssertPasswordOnlyTokens(await TokensAsync(client, first, redirect));

        var request = MfaRequest();
        var enrol = await client.GetAsync(request.ToUrl());

        AssertEnrolPage(enrol);
        Assert.Null(enrol.Document.QuerySelector("input[name='Input.Password']"));
        Assert.False(HasLaterButton(enrol), "The relying party demanded two steps, yet enrolment can be postponed.");

        var done = await TwoStepPolicyTests.EnrolTotpThroughPagesAsync(client, enrol, provider.Factory.Clock);
        AssertTwoStepTokens(await TokensAsync(client, request, done));
    }

    [Fact]
    public async Task StepUp_RememberedBrowserPasswordOnlySession_AcrValuesMfa_AsksOnlyOtp_ThenAcrMfa()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();

        // Sign in with both steps, ticking "remember"; after the session ran out, the password alone signs in.
        var remembered = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, remembered, user);
        AssertTwoStepTokens(await TokensAsync(client, remembered, await SubmitCodeAsync(client, otp, device.TotpNow(factory.Clock), rememberBrowser: true)));
        factory.Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client));
        var passwordOnly = SignInSteps.WebRequest();
        AssertPasswordOnlyTokens(await TokensAsync(client, passwordOnly, await PasswordAsync(client, passwordOnly, user)));

        // The relying party now demands two steps: straight to the OTP page, no password.
        var request = MfaRequest();
        var stepUp = await client.GetAsync(request.ToUrl());
        AssertOtpPage(stepUp);
        Assert.Null(stepUp.Document.QuerySelector("input[name='Input.Password']"));

        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, stepUp, device.TotpNow(factory.Clock))));
    }

    [Fact]
    public async Task StepUp_PromptNoneOnPasswordOnlySession_AcrValuesMfa_LoginRequiredWithoutCode()
    {
        var user = await CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var first = SignInSteps.WebRequest();
        AssertPasswordOnlyTokens(await TokensAsync(client, first, await PasswordAsync(client, first, user)));

        var request = SignInSteps.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa", ["prompt"] = "none" });
        var answer = await client.GetAsync(request.ToUrl());

        Assert.Equal("login_required", answer.RedirectQuery["error"]);
        Assert.Equal(request.State, answer.RedirectQuery["state"]);
        Assert.False(answer.RedirectQuery.ContainsKey("code"));
    }
}
