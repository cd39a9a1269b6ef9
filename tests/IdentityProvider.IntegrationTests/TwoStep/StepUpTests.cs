using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: Bob enrols a device here.</summary>
public sealed class StepUpFixture : ProviderFixture;

/// <summary>acr_values=mfa on a session that proved only the password: the OTP step (or enrolment) without the password again.</summary>
public class StepUpTests(StepUpFixture provider) : IClassFixture<StepUpFixture>
{
    private static AuthorizationRequest MfaRequest() => UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });

    [Fact]
    public async Task StepUp_PasswordSessionWithoutDevice_AcrValuesMfa_EnrolmentWithoutLater_ThenAcrMfa()
    {
        using var client = provider.CreateClient();
        var first = UserStories.WebRequest();
        var redirect = await (await LoginPage.OpenAsync(client, first)).SignInAsync("bob@example.com", TestData.BobPassword);
        AssertPasswordOnlyTokens(await UserStories.ExchangeCodeAsync(client, first, redirect));

        var request = MfaRequest();
        var enrol = await client.GetAsync(request.ToUrl()).As<EnrolTwoStepPage>();

        Assert.False(enrol.AsksForPassword);
        Assert.False(enrol.CanPostpone, "The relying party demanded two steps, yet enrolment can be postponed.");

        var done = await TwoStepPolicyTests.EnrolTotpThroughPagesAsync(enrol, provider.Factory.Clock);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, done));
    }

    [Fact]
    public async Task StepUp_RememberedBrowserPasswordOnlySession_AcrValuesMfa_AsksOnlyOtp_ThenAcrMfa()
    {
        var factory = provider.Factory;
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();

        // Sign in with both steps, ticking "remember"; after the session ran out, the password alone signs in.
        var remembered = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, remembered, user);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, remembered, await otp.SubmitCodeAsync(device.TotpNow(factory.Clock), rememberBrowser: true)));
        factory.Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client));
        var passwordOnly = UserStories.WebRequest();
        AssertPasswordOnlyTokens(await UserStories.ExchangeCodeAsync(client, passwordOnly, await UserStories.SignInWithPasswordAsync(client, passwordOnly, user)));

        // The relying party now demands two steps: straight to the OTP page, no password.
        var request = MfaRequest();
        var stepUp = await client.GetAsync(request.ToUrl()).As<TwoStepPage>();
        Assert.False(stepUp.AsksForPassword);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await stepUp.SubmitCodeAsync(device.TotpNow(factory.Clock))));
    }

    [Fact]
    public async Task StepUp_PromptNoneOnPasswordOnlySession_AcrValuesMfa_LoginRequiredWithoutCode()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var first = UserStories.WebRequest();
        AssertPasswordOnlyTokens(await UserStories.ExchangeCodeAsync(client, first, await UserStories.SignInWithPasswordAsync(client, first, user)));

        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa", ["prompt"] = "none" });
        var answer = await client.GetAsync(request.ToUrl());

        Assert.Equal("login_required", answer.RedirectQuery["error"]);
        Assert.Equal(request.State, answer.RedirectQuery["state"]);
        Assert.False(answer.RedirectQuery.ContainsKey("code"));
    }
}
