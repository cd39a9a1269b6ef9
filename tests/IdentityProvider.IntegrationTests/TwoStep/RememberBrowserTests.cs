using IdentityProvider.Data;
using IdentityProvider.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

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
    private const string RememberField = "Input.RememberBrowser";

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
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock))));

        Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client));
        AssertOtpPage(await PasswordAsync(client, SignInSteps.WebRequest(), user));
    }

    [Fact]
    public async Task RememberedBrowser_OtherBrowser_StillAsksOtp()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        using var other = provider.CreateClient();

        AssertOtpPage(await PasswordAsync(other, SignInSteps.WebRequest(), user));
    }

    [Fact]
    public async Task RememberedBrowser_AcrValuesMfa_AsksOtpAgain_AcrMfa()
    {
        var (user, device, client) = await SignInRememberedAsync();
        using var browser = client;
        Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client));

        var request = SignInSteps.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var otp = await PasswordAsync(client, request, user);

        AssertOtpPage(otp);
        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task RememberedBrowser_PromptLogin_AsksPasswordAndOtpAgain()
    {
        var (user, device, client) = await SignInRememberedAsync();
        using var browser = client;
        Clock.Advance(Step);

        var request = SignInSteps.WebRequest(new Dictionary<string, string> { ["prompt"] = "login" });
        var login = await client.GetAsync(request.ToUrl());
        AssertPasswordPage(login);
        var otp = await SignInSteps.SubmitPasswordAsync(client, login, user.Email, user.Password);

        AssertOtpPage(otp);
        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task RememberedBrowser_SignOut_ForgetsIt()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        // Remembered: the next sign-in skips the OTP step (and signs in with the password alone).
        AssertPasswordOnlyTokens(await SignInAfterSessionEndedAsync(client, user));

        var logout = await client.GetAsync("/Account/Logout");
        await client.SubmitAsync(logout);
        Assert.False(await HasSessionAsync(client));

        AssertOtpPage(await PasswordAsync(client, SignInSteps.WebRequest(), user));
        Assert.Equal(0, await RememberedCountAsync(user.Id));
    }

    [Fact]
    public async Task RememberedBrowser_PasswordChange_ForgetsIt()
    {
        var (user, _, client) = await SignInRememberedAsync();
        using var browser = client;
        AssertPasswordOnlyTokens(await SignInAfterSessionEndedAsync(client, user));

        const string newPassword = "a-brand-new-password-for-two-step";
        var form = await client.GetAsync("/Manage/ChangePassword");
        var changed = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.True(changed.Uri.AbsolutePath == ManagePath, $"The password change ended on {changed.Uri}: {AlertText(changed)}");

        Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client));
        AssertOtpPage(await PasswordAsync(client, SignInSteps.WebRequest(), user with { Password = newPassword }));
        Assert.Equal(0, await RememberedCountAsync(user.Id));
    }

    /// <summary>A new user with a TOTP device signs in on a new browser with the box ticked.</summary>
    private async Task<(TestUser User, TestDevice Device, ProviderClient Client)> SignInRememberedAsync()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        AssertOtpPage(otp);

        var checkbox = otp.Document.QuerySelector($"input[name='{RememberField}'][type=checkbox]");
        Assert.True(checkbox is not null, "The OTP page offers no \"remember this browser\" checkbox.");
        Assert.Contains("Remember one-time password on this browser", otp.Text, StringComparison.Ordinal);

        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(Clock), rememberBrowser: true)));
        Assert.Equal(1, await RememberedCountAsync(user.Id));
        return (user, device, client);
    }

    /// <summary>Lets the session cookie run out, then signs in again at the relying party: expected to skip the OTP step.</summary>
    private async Task<TokenResponse> SignInAfterSessionEndedAsync(ProviderClient client, TestUser user)
    {
        Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client), "The session should have run out.");
        var request = SignInSteps.WebRequest();
        var page = await PasswordAsync(client, request, user);
        return await TokensAsync(client, request, page);
    }

    private async Task<int> RememberedCountAsync(string userId)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.RememberedBrowsers.CountAsync(browser => browser.UserId == userId);
    }
}

/// <summary>With <c>TwoStep:RememberBrowserDays</c> = 0 the box is not shown, and a forged tick remembers nothing.</summary>
public class RememberBrowserDisabledTests(RememberBrowserDisabledFixture provider) : IClassFixture<RememberBrowserDisabledFixture>
{
    [Fact]
    public async Task RememberBrowserDaysZero_NoCheckbox_ForgedTickIgnored()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        AssertOtpPage(otp);

        Assert.Null(otp.Document.QuerySelector("input[name='Input.RememberBrowser'][type=checkbox]"));
        Assert.DoesNotContain("Remember", otp.Text, StringComparison.OrdinalIgnoreCase);

        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.TotpNow(factory.Clock), rememberBrowser: true)));

        factory.Clock.Advance(PastSessionLifetime);
        Assert.False(await HasSessionAsync(client));
        AssertOtpPage(await PasswordAsync(client, SignInSteps.WebRequest(), user));
    }
}
