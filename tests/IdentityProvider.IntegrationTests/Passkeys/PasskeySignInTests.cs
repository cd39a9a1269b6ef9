using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.IntegrationTests.Connect;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>
/// Passkeys at sign-in, through the pages a browser sees (the software authenticator answers what passkeys.js would ask
/// the browser): as the second step after the password (<c>amr</c> <c>["pwd","hwk","mfa"]</c>, <c>acr</c> <c>phr</c>),
/// beside the one-time password; passwordless, where user verification makes it both steps; and every refused answer
/// said on the page, counted toward the lockout, and changing nothing.
/// </summary>
public sealed class PasskeySignInTests(PasskeyFixture fixture) : IClassFixture<PasskeyFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SecondStep_OffersThePasskeyFirst_BesideTheCode_AndTheTokensSayPwdHwkMfa()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        Assert.True(secondStep.OffersPasskey);
        Assert.True(secondStep.OffersCode);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await secondStep.UsePasskeyAsync(options => passkey.Get(options)));

        Assert.Equal(["pwd", "hwk", "mfa"], tokens.Amr);
        Assert.Equal("phr", tokens.Acr);
        var signIn = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.SignInSucceeded);
        Assert.Equal("password and passkey \"Laptop\"", signIn.Detail);
        var lastUsed = Assert.Single(await PasskeyStories.ListAsync(Factory, user.Id)).LastUsedAt;
        Assert.Equal(Factory.Clock.GetUtcNow(), lastUsed!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task SecondStep_AUserWhoseOnlyMethodIsAPasskey_IsAskedForIt_WithoutACodeForm()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);

        Assert.True(secondStep.OffersPasskey);
        Assert.False(secondStep.OffersCode);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await secondStep.UsePasskeyAsync(options => passkey.Get(options)));
        Assert.Equal(["pwd", "hwk", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task SecondStep_AnAnswerFromAnotherOrigin_IsRefusedOnThePage_AndCountsTowardTheLockout()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        var refused = (await secondStep.UsePasskeyAsync(options => passkey.Get(options, origin: "https://id.example.test.phish.example"))).As<TwoStepPage>();

        Assert.Equal("That passkey was not accepted. Use a passkey of this account, on this site.", refused.ValidationSummary);
        Assert.Equal(1, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        Assert.Contains(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyFailed);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.SignInSucceeded);
    }

    [Fact]
    public async Task SecondStep_AnAnswerCarriedToAnotherBrowser_IsRefusedThere_EvenForTheSameAccount()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        var (options, state) = await secondStep.BeginPasskeyAsync();
        var answer = passkey.Get(options);

        // An attacker who knows the password relays the user's answer and state into a sign-in of their own.
        using var attacker = fixture.CreateClient();
        var attackerStep = await UserStories.PasswordToOtpPageAsync(attacker, UserStories.WebRequest(), user);
        var relayed = (await attackerStep.PostPasskeyAnswerAsync(answer, state)).As<TwoStepPage>();
        var own = await secondStep.PostPasskeyAnswerAsync(answer, state);

        Assert.Equal("The passkey request expired or was already used. Try again.", relayed.ValidationSummary);
        await UserStories.ExchangeCodeAsync(client, request, own);
        Assert.Equal(1, (await Factory.SecurityEventsAsync(user.Id)).Count(row => row.Kind == SecurityEventKinds.SignInSucceeded));
    }

    [Fact]
    public async Task SecondStep_WithRememberThisBrowser_RemembersIt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var secondStep = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        await secondStep.UsePasskeyAsync(options => passkey.Get(options), rememberBrowser: true);

        // Note: the remembering cookie is Secure under this fixture's https issuer, so the test's plain-HTTP client would not send it back.
        Assert.Equal(1, await Factory.QueryAsync(db => db.RememberedBrowsers.CountAsync(browser => browser.UserId == user.Id)));
    }

    [Fact]
    public async Task Passwordless_WithUserVerification_IsBothSteps_HwkUserMfa()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var login = await LoginPage.OpenAsync(client, request);
        Assert.True(login.OffersPasskey);
        Assert.True(login.OffersPasskeyAutofill);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await login.SignInWithPasskeyAsync(options => passkey.Get(options)));

        Assert.Equal(["hwk", "user", "mfa"], tokens.Amr);
        Assert.Equal("phr", tokens.Acr);
        Assert.Equal(user.Id, tokens.IdTokenJwt.Subject);
    }

    [Fact]
    public async Task Passwordless_WithoutUserVerification_IsTheFirstStep_AndTheCodeFollows()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var login = await LoginPage.OpenAsync(client, request);
        var secondStep = (await login.SignInWithPasskeyAsync(options => passkey.Get(options, userVerified: false))).As<TwoStepPage>();
        Assert.False(secondStep.OffersPasskey);
        Factory.Clock.Advance(UserStories.Step);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await secondStep.SubmitCodeAsync(device.TotpNow(Factory.Clock)));

        Assert.Equal(["hwk", "otp", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task Passwordless_AnAnswerCarriedToAnotherBrowser_IsRefusedThere()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        using var attacker = fixture.CreateClient();
        var (options, state) = await (await LoginPage.OpenAsync(client)).BeginPasskeyAsync();

        var relayed = (await (await LoginPage.OpenAsync(attacker)).PostPasskeyAnswerAsync(passkey.Get(options), state)).As<LoginPage>();

        Assert.Equal("The passkey request expired or was already used. Try again.", relayed.ErrorText);
        Assert.False(await ManagePage.HasSessionAsync(attacker));
    }

    [Fact]
    public async Task Passwordless_AnUnknownPasskey_IsRefusedOnThePage()
    {
        using var stranger = new TestPasskey(PasskeyFixture.Origin);
        using var client = fixture.CreateClient();

        var login = await LoginPage.OpenAsync(client);
        var refused = (await login.SignInWithPasskeyAsync(options => stranger.Get(options))).As<LoginPage>();

        Assert.Equal("That passkey was not accepted. Use a passkey you added to your account on this site.", refused.ErrorText);
    }

    [Fact]
    public async Task Passwordless_ALockedAccount_IsRefused_AndABadSignatureCountsTowardTheLockout()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();

        var login = await LoginPage.OpenAsync(client);
        // A counter that went backwards: a clone of the passkey.
        passkey.SignCount = 10;
        (await login.SignInWithPasskeyAsync(options => passkey.Get(options))).As<ManagePage>();
        await (await LogoutPage.OpenAsync(client)).SignOutAsync();
        var clone = (await (await LoginPage.OpenAsync(client)).SignInWithPasskeyAsync(options => passkey.Get(options, signCount: 3))).As<LoginPage>();
        Assert.Equal(1, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        Assert.NotEmpty(clone.ErrorText);

        await Factory.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, Factory.Clock.GetUtcNow().AddHours(1)));
        passkey.SignCount = 20;
        var locked = (await (await LoginPage.OpenAsync(client)).SignInWithPasskeyAsync(options => passkey.Get(options))).As<LoginPage>();

        Assert.Equal("This account cannot sign in now. Ask an administrator.", locked.ErrorText);
    }

    [Fact]
    public async Task PhishingResistant_AUserWithAPasskey_IsOfferedOnlyThePasskey_AndAForgedCodeIsRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "phr" });

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        Assert.True(secondStep.SaysPasskeyDemanded);
        Assert.False(secondStep.OffersCode);
        Factory.Clock.Advance(UserStories.Step);
        var forged = (await secondStep.ForgeCodeAsync(device.TotpNow(Factory.Clock))).As<TwoStepPage>();
        Assert.Contains("asks for your passkey", forged.ValidationSummary, StringComparison.Ordinal);

        var tokens = await UserStories.ExchangeCodeAsync(client, request, await forged.UsePasskeyAsync(options => passkey.Get(options)));
        Assert.Equal("phr", tokens.Acr);
    }

    [Fact]
    public async Task PhishingResistant_AUserWithoutAPasskey_ProvesTheCode_AddsOne_AndConfirmsWithIt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "phr" });

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        Assert.False(secondStep.OffersPasskey);
        Factory.Clock.Advance(UserStories.Step);
        var passkeys = (await secondStep.SubmitCodeAsync(device.TotpNow(Factory.Clock))).As<PasskeysPage>();
        Assert.True(passkeys.SaysPasskeyDemanded);
        using var passkey = new TestPasskey(PasskeyFixture.Origin);
        var confirm = (await passkeys.AddAsync(passkey, "Phone")).As<TwoStepPage>();
        Assert.True(confirm.SaysPasskeyDemanded);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await confirm.UsePasskeyAsync(options => passkey.Get(options)));

        Assert.Equal("phr", tokens.Acr);
        Assert.Equal(["pwd", "hwk", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task PhishingResistant_WithPromptNone_AndNoPasskeyInTheSession_IsUnmetAuthenticationRequirements()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "phr", ["prompt"] = "none" });
        var answer = await client.GetAsync(request.ToUrl());

        Assert.Equal("unmet_authentication_requirements", answer.RedirectQuery["error"]);
    }

    [Fact]
    public async Task Discovery_ListsPhrAmongTheAcrValues()
    {
        using var client = fixture.CreateClient();

        var discovery = await ProtocolTestSupport.GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        Assert.Contains("phr", discovery.GetProperty("acr_values_supported").EnumerateArray().Select(value => value.GetString()));
    }
}
