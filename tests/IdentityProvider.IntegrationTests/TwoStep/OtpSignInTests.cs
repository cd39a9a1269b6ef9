using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.TwoStep.SignInProof;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests spend codes and move the clock.</summary>
public sealed class OtpSignInFixture : ProviderFixture;

/// <summary>The OTP step after the password: TOTP and HOTP, single use, input normalisation, expiry, secrets at rest.</summary>
public class OtpSignInTests(OtpSignInFixture provider) : IClassFixture<OtpSignInFixture>
{
    private ProviderFactory Factory => provider.Factory;

    private TestClock Clock => provider.Factory.Clock;

    [Fact]
    public async Task SignIn_PasswordAlone_LeadsToTheOtpPage_WithNoSessionCookieAndNoCode()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var login = await LoginPage.OpenAsync(client, UserStories.WebRequest());

        using var afterPassword = await login.PostSignInAsync(user.Email, user.Password);
        var location = new Uri(login.Page.Uri, afterPassword.Headers.Location!);
        var otpPage = (await client.FollowAsync(afterPassword)).As<TwoStepPage>();

        // Never to the relying party, and no session cookie yet.
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.Equal(TwoStepPage.Path, location.AbsolutePath);
        Assert.DoesNotContain("code=", location.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(afterPassword), IsSessionCookie);
        Assert.DoesNotContain(SetCookies(otpPage.Page.Response), IsSessionCookie);
    }

    [Fact]
    public async Task OtpPage_CodeField_SaysOneTimeCodeAndNumeric_AndHasALabel()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        var otpPage = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        var input = otpPage.CodeInput;
        var label = otpPage.LabelFor(input);

        // What password managers, phones and typing hardware tokens look for.
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.False(string.IsNullOrEmpty(input.GetAttribute("id")));
        Assert.True(label is not null && !string.IsNullOrWhiteSpace(label.TextContent), "The code field has no label.");
    }

    [Fact]
    public async Task SignIn_WhileTheOtpStepIsOwed_TheAuthorizationEndpointMintsNoCode()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);

        using var probe = await client.Http.GetAsync(UserStories.WebRequest().ToUrl());
        var probeLocation = probe.Headers.Location?.ToString() ?? "";

        Assert.DoesNotContain(TestData.WebRedirectUri, probeLocation, StringComparison.Ordinal);
        Assert.Contains(LoginPage.Path, probeLocation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PasswordThenTotp_IssuesTheSession_IdTokenHasOtpAmrAndMfaAcr()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otpPage = await UserStories.PasswordToOtpPageAsync(client, request, user);

        using var afterCode = await otpPage.PostCodeAsync(device.TotpNow(Clock));
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await client.FollowAsync(afterCode));

        // Now the session cookie is issued and the sign-in returns to the authorization request.
        Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
        Assert.Contains(SetCookies(afterCode), IsSessionCookie);
        AssertTwoStepTokens(tokens);
        Assert.Equal(user.Id, tokens.IdTokenJwt.Subject);
    }

    [Fact]
    public async Task Hotp_TheCodeForTheDevicesCounter_CompletesTheSignIn_AndMovesTheCounter()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolHotpAsync(Factory, user.Id); // counters 0 and 1 spent: next is 2
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.HotpAt(2))));

        Assert.Equal(3, (await Factory.ReadDeviceAsync(device.Id)).NextCounter);
    }

    [Fact]
    public async Task Hotp_UsedLowerOrBeyondTheLookAhead_Refused_FiveAheadAccepted_AndTheCounterJumpsPastIt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolHotpAsync(Factory, user.Id); // counters 0 and 1 spent: next is 2
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await UserStories.PasswordToOtpPageAsync(client, request, user);

        // Already used, below it, and 11 presses ahead (beyond the look-ahead of 10): refused, the counter unmoved.
        foreach (var counter in new long[] { 1, 0, 2 + 11 })
        {
            page = await page.SubmitCodeAsync(device.HotpAt(counter)).As<TwoStepPage>();
            Assert.False(string.IsNullOrEmpty(page.Alerts), $"No message for the refused code of counter {counter}.");
        }

        Assert.Equal(2, (await Factory.ReadDeviceAsync(device.Id)).NextCounter);

        // Five presses ahead (codes generated but never used): accepted, and the counter jumps past it.
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(device.HotpAt(2 + 5))));
        Assert.Equal(8, (await Factory.ReadDeviceAsync(device.Id)).NextCounter);
    }

    [Fact]
    public async Task Hotp_ExactlyTheLookAheadAhead_IsAccepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolHotpAsync(Factory, user.Id); // counters 0 and 1 spent: next is 2
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync(device.HotpAt(2 + 10))));

        Assert.Equal(13, (await Factory.ReadDeviceAsync(device.Id)).NextCounter);
    }

    [Fact]
    public async Task Totp_SameCodeOnSecondSignIn_Refused_AndEarlierStepRefusedAfterLaterAccepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        var code = device.TotpNow(Clock);

        using (var first = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(first, request, user);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(first, request, await otp.SubmitCodeAsync(code)));
        }

        using var second = provider.CreateClient();
        var secondRequest = UserStories.WebRequest();
        var page = await UserStories.PasswordToOtpPageAsync(second, secondRequest, user);

        // The same code again, still within its time step: refused.
        page = await page.SubmitCodeAsync(code).As<TwoStepPage>();
        Assert.Contains("not correct", page.Alerts, StringComparison.OrdinalIgnoreCase);

        // The previous step's code was never used and lies within the ±1 window, but a later step was accepted.
        page = await page.SubmitCodeAsync(device.TotpNow(Clock, -1)).As<TwoStepPage>();
        Assert.Contains("not correct", page.Alerts, StringComparison.OrdinalIgnoreCase);

        // The next step's code is new: the same half-finished sign-in completes with it.
        Clock.Advance(UserStories.Step);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(second, secondRequest, await page.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_CodeWithSpacesOrDashes_Normalised_Accepted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);

        var spaced = device.TotpNow(Clock);
        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync($" {spaced[..2]} {spaced[2..4]} {spaced[4..]} ")));
        }

        Clock.Advance(UserStories.Step);
        var dashed = device.TotpNow(Clock);
        using (var client = provider.CreateClient())
        {
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
            AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await otp.SubmitCodeAsync($"{dashed[..3]}-{dashed[3..]}")));
        }
    }

    [Theory]
    [InlineData("letters", "12a4b6")]
    [InlineData("all letters", "abcdef")]
    [InlineData("too short", "12345")]
    [InlineData("too long", "1234567")]
    [InlineData("empty", "")]
    [InlineData("only spaces", "   ")]
    [InlineData("arabic-indic digits", "١٢٣٤٥٦")]
    [InlineData("markup", "<script>alert(1)</script>")]
    public async Task OtpPage_MalformedCode_ShowsMessageWith200_ThenValidCodeStillWorks(string what, string input)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        var answer = await otp.SubmitCodeAsync(input);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var refused = answer.As<TwoStepPage>();
        Assert.False(string.IsNullOrEmpty(refused.Alerts), $"No message for {what}.");
        Assert.DoesNotContain("<script>alert(1)</script>", answer.Body, StringComparison.Ordinal);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await refused.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_500Characters_ShowsMessageWith200_Never500()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await UserStories.PasswordToOtpPageAsync(client, request, user);

        foreach (var input in new[] { new string('1', 500), string.Concat(Enumerable.Repeat("12 34-", 84))[..500], new string('x', 500) })
        {
            var answer = await page.SubmitCodeAsync(input);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            page = answer.As<TwoStepPage>();
            Assert.False(string.IsNullOrEmpty(page.Alerts));
        }

        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_PendingSignInOlderThanFiveMinutes_BackToPasswordTookTooLong()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);

        Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await otp.SubmitCodeAsync(device.TotpNow(Clock)).As<LoginPage>();

        Assert.Contains("took too long", expired.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.False(await ManagePage.HasSessionAsync(client));
        await TwoStepPage.OpenAsync(client).As<LoginPage>();

        // The password step again leads to a fresh OTP step; the code was not spent by the expired attempt.
        var restarted = await UserStories.PasswordToOtpPageAsync(client, request, user);
        AssertTwoStepTokens(await UserStories.ExchangeCodeAsync(client, request, await restarted.SubmitCodeAsync(device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpDevice_SecretAtRest_IsEncrypted_NotBase32NorRawBytes()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);

        var row = await Factory.ReadDeviceAsync(device.Id);

        Assert.False(string.IsNullOrEmpty(row.ProtectedSecret));
        Assert.DoesNotContain(device.Base32Secret, row.ProtectedSecret, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(device.Base32Secret[..16], row.ProtectedSecret.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(device.Secret), row.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(device.Secret), row.ProtectedSecret, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(OtpSecret.ToDisplayForm(device.Secret), row.ProtectedSecret, StringComparison.OrdinalIgnoreCase);

        // It is the secret, encrypted: Data Protection (keys in the database) gives it back.
        var secrets = Factory.Services.GetRequiredService<OtpDeviceSecrets>();
        Assert.Equal(device.Secret, secrets.Unprotect(row));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static bool IsSessionCookie(string cookie) => cookie.StartsWith(UserStories.SessionCookie + "=", StringComparison.Ordinal);
}
