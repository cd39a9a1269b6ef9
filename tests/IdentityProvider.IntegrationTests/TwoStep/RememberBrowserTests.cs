using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests move the clock past session lifetimes.</summary>
public sealed class RememberBrowserFixture : ProviderFixture;

/// <summary>The provider with <c>TwoStep:RememberBrowserDays</c> = 0: the option is not offered.</summary>
public sealed class RememberBrowserDisabledFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TwoStep:RememberBrowserDays"] = "0",
    };
}

/// <summary>
/// "Remember one-time password on this browser": a later sign-in on the same browser skips the OTP step
/// (reported as password only) until sign-out or a password change; acr_values=mfa and prompt=login still ask.
/// A "later sign-in" is one after the 10-hour session cookie has run out (the test clock moves 11 hours).
/// </summary>
public class RememberBrowserTests(RememberBrowserFixture provider) : IClassFixture<RememberBrowserFixture>
{
    private ProviderFactory Factory => provider.Factory;

    private TestClock Clock => provider.Factory.Clock;

    [Fact]
    public async Task RememberBrowser_Ticked_NextSignInSkipsOtp_ReportedAsPasswordOnly()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;

        var tokens = await SignInAfterSessionEndedAsync(client, user);

        AssertPasswordOnlyTokens(tokens);
    }

    [Fact]
    public async Task RememberBrowser_NotTicked_NextSignInAsksOtp()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock))));

        Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client));
        await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
    }

    [Fact]
    public async Task RememberedBrowser_OtherBrowser_StillAsksOtp()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        using var other = provider.CreateClient();

        await UserStories.PasswordToOtpPageAsync(other, UserStories.WebRequest(), user);
    }

    [Fact]
    public async Task RememberedBrowser_AcrValuesMfa_AsksOtpAgain_AcrMfa()
    {
        var (user, device, client) = await SignInRememberedAsync();
        using var browser = client;
        Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client));

        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task RememberedBrowser_PromptLogin_AsksPasswordAndOtpAgain()
    {
        var (user, device, client) = await SignInRememberedAsync();
        using var browser = client;
        Clock.Advance(UserStories.Step);

        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "login" });
        var login = await LoginPage.OpenAsync(client, request);
        var otp = await login.SignInAsync(user.Email, user.Password).As<TwoStepPage>();

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task RememberedBrowser_SignOut_ForgetsIt()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        // Remembered: the next sign-in skips the OTP step (and signs in with the password alone).
        AssertPasswordOnlyTokens(await SignInAfterSessionEndedAsync(client, user));

        var logout = await LogoutPage.OpenAsync(client);
        await logout.SignOutAsync();
        Assert.False(await ManagePage.HasSessionAsync(client));

        await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        Assert.Equal(0, await RememberedCountAsync(user.Id));
    }

    [Fact]
    public async Task RememberedBrowser_PasswordChange_ForgetsIt()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        AssertPasswordOnlyTokens(await SignInAfterSessionEndedAsync(client, user));

        const string newPassword = "a-brand-new-password-for-two-step";
        var form = await ChangePasswordPage.OpenAsync(client);
        await form.ChangeAsync(user.Password, newPassword).As<ManagePage>();

        Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client));
        await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user with { Password = newPassword });
        Assert.Equal(0, await RememberedCountAsync(user.Id));
    }

    /// <summary>A new user with a TOTP device signs in on a new browser with the box ticked.</summary>
    private async Task<(TestUser User, TestDevice Device, ProviderClient Client)> SignInRememberedAsync()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        Assert.True(otp.OffersRememberBrowser, "The OTP page offers no \"remember this browser\" checkbox.");
        Assert.Contains("Remember one-time password on this browser", otp.Text, StringComparison.Ordinal);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(Clock), rememberBrowser: true)));
        Assert.Equal(1, await RememberedCountAsync(user.Id));
        return (user, device, client);
    }

    /// <summary>Lets the session cookie run out, then signs in again at the relying party: expected to skip the OTP step.</summary>
    private async Task<TokenResponse> SignInAfterSessionEndedAsync(ProviderClient client, TestUser user)
    {
        Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client), "The session should have run out.");
        var request = UserStories.WebRequest();
        var page = await UserStories.SignInWithPasswordAsync(client, request, user);
        return await UserStories.ExchangeCodeAsync(client, request, page);
    }

    private Task<int> RememberedCountAsync(string userId) =>
        Factory.QueryAsync(db => db.RememberedBrowsers.CountAsync(browser => browser.UserId == userId));
}

/// <summary>With <c>TwoStep:RememberBrowserDays</c> = 0 the box is not shown, and a forged tick remembers nothing.</summary>
public class RememberBrowserDisabledTests(RememberBrowserDisabledFixture provider) : IClassFixture<RememberBrowserDisabledFixture>
{
    [Fact]
    public async Task RememberBrowserDaysZero_NoCheckbox_ForgedTickIgnored()
    {
        var factory = provider.Factory;
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        Assert.False(otp.OffersRememberBrowser);
        Assert.DoesNotContain("Remember", otp.Text, StringComparison.OrdinalIgnoreCase);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.TotpNow(factory.Clock), rememberBrowser: true)));

        factory.Clock.Advance(UserStories.PastSessionLifetime);
        Assert.False(await ManagePage.HasSessionAsync(client));
        await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
    }
}
