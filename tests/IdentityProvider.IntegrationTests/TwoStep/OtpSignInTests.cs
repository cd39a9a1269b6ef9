using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: these tests spend codes and move the clock.</summary>
public sealed class OtpSignInFixture : ProviderFixture;

/// <summary>The OTP step after the password: TOTP and HOTP, single use, input normalisation, expiry, secrets at rest.</summary>
public class OtpSignInTests(OtpSignInFixture provider) : IClassFixture<OtpSignInFixture>
{
    private ProviderFactory Factory => provider.Factory;

    private TestClock Clock => provider.Factory.Clock;

    [Fact]
    public async Task SignIn_PasswordThenTotp_NoSessionNorCodeBeforeOtp_IdTokenHasOtpAmrAndMfaAcr()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();

        var login = await client.GetAsync(request.ToUrl());
        AssertPasswordPage(login);
        using var afterPassword = await PostFormAsync(client, login,
            new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        // The password alone leads to the OTP page: never to the relying party, and no session cookie yet.
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        var location = new Uri(login.Uri, afterPassword.Headers.Location!);
        Assert.Equal(OtpPath, location.AbsolutePath);
        Assert.DoesNotContain("code=", location.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(afterPassword), cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));

        var otpPage = await client.FollowAsync(afterPassword);
        AssertOtpPage(otpPage);
        Assert.DoesNotContain(SetCookies(otpPage.Response), cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));

        // The code field: what password managers, phones and typing hardware tokens look for, with a label.
        var input = otpPage.Document.QuerySelector("input[name='Input.Code']")!;
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        var id = input.GetAttribute("id");
        Assert.False(string.IsNullOrEmpty(id));
        var label = otpPage.Document.QuerySelectorAll("label").FirstOrDefault(candidate => candidate.GetAttribute("for") == id);
        Assert.True(label is not null && !string.IsNullOrWhiteSpace(label.TextContent), "The code field has no label.");

        // While the OTP step is owed, the browser has no session and the authorization endpoint mints no code.
        using (var probe = new HttpRequestMessage(HttpMethod.Get, SignInSteps.WebRequest().ToUrl()))
        {
            using var probeResponse = await client.Http.SendAsync(probe);
            var probeLocation = probeResponse.Headers.Location?.ToString() ?? "";
            Assert.DoesNotContain(TestData.WebRedirectUri, probeLocation, StringComparison.Ordinal);
            Assert.Contains(LoginPath, probeLocation, StringComparison.Ordinal);
        }

        // The code: now the session cookie is issued and the sign-in returns to the authorization request.
        using var afterCode = await PostFormAsync(client, otpPage, new Dictionary<string, string> { ["Input.Code"] = device.TotpNow(Clock) });
        Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
        Assert.Contains(SetCookies(afterCode), cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        var redirect = await client.FollowAsync(afterCode);

        var tokens = await TokensAsync(client, request, redirect);
        AssertTwoStepTokens(tokens);
        Assert.Equal(user.Id, tokens.IdTokenJwt.Subject);
    }

    [Fact]
    public async Task SignIn_PasswordThenHotp_CounterMovesForward_UsedOrLowerRefused_LookAheadTenAccepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolHotpAsync(Factory, user.Id); // counters 0 and 1 spent: next is 2

        // The code for the device's counter completes the sign-in.
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertOtpPage(otp);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.HotpAt(2))));
            Assert.Equal(3, (await ReadDeviceAsync(Factory, device.Id)).NextCounter);
        }

        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var page = await PasswordAsync(client, request, user);
            AssertOtpPage(page);

            // Already used, below the counter, and 11 presses ahead (beyond the look-ahead of 10): refused.
            foreach (var counter in new long[] { 2, 1, 3 + 11 })
            {
                page = await SubmitCodeAsync(client, page, device.HotpAt(counter));
                AssertOtpPage(page);
                Assert.False(string.IsNullOrEmpty(AlertText(page)), $"No message for the refused code of counter {counter}.");
            }

            Assert.Equal(3, (await ReadDeviceAsync(Factory, device.Id)).NextCounter);

            // Five presses ahead (codes generated but never used): accepted, and the counter jumps past it.
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, page, device.HotpAt(3 + 5))));
            Assert.Equal(9, (await ReadDeviceAsync(Factory, device.Id)).NextCounter);
        }

        // Exactly the look-ahead (10 ahead of the next counter) is still accepted.
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, device.HotpAt(9 + 10))));
            Assert.Equal(20, (await ReadDeviceAsync(Factory, device.Id)).NextCounter);
        }
    }

    [Fact]
    public async Task Totp_SameCodeOnSecondSignIn_Refused_AndEarlierStepRefusedAfterLaterAccepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        var code = device.TotpNow(Clock);

        using (var first = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(first, request, user);
            AssertTwoStepTokens(await TokensAsync(first, request, await SubmitCodeAsync(first, otp, code)));
        }

        using var second = provider.CreateClient();
        var secondRequest = SignInSteps.WebRequest();
        var page = await PasswordAsync(second, secondRequest, user);
        AssertOtpPage(page);

        // The same code again, still within its time step: refused.
        page = await SubmitCodeAsync(second, page, code);
        AssertOtpPage(page);
        Assert.Contains("not correct", AlertText(page), StringComparison.OrdinalIgnoreCase);

        // The previous step's code was never used and lies within the ±1 window, but a later step was accepted.
        page = await SubmitCodeAsync(second, page, device.TotpNow(Clock, -1));
        AssertOtpPage(page);
        Assert.Contains("not correct", AlertText(page), StringComparison.OrdinalIgnoreCase);

        // The next step's code is new: the same half-finished sign-in completes with it.
        Clock.Advance(Step);
        AssertTwoStepTokens(await TokensAsync(second, secondRequest, await SubmitCodeAsync(second, page, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_CodeWithSpacesOrDashes_Normalised_Accepted()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);

        var spaced = device.TotpNow(Clock);
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, $" {spaced[..2]} {spaced[2..4]} {spaced[4..]} ")));
        }

        Clock.Advance(Step);
        var dashed = device.TotpNow(Clock);
        using (var client = provider.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            var otp = await PasswordAsync(client, request, user);
            AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, otp, $"{dashed[..3]}-{dashed[3..]}")));
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
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        AssertOtpPage(otp);

        var refused = await SubmitCodeAsync(client, otp, input);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        AssertOtpPage(refused);
        Assert.False(string.IsNullOrEmpty(AlertText(refused)), $"No message for {what}.");
        Assert.DoesNotContain("<script>alert(1)</script>", refused.Body, StringComparison.Ordinal);
        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, refused, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_500Characters_ShowsMessageWith200_Never500()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await PasswordAsync(client, request, user);

        foreach (var input in new[] { new string('1', 500), string.Concat(Enumerable.Repeat("12 34-", 84))[..500], new string('x', 500) })
        {
            page = await SubmitCodeAsync(client, page, input);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AssertOtpPage(page);
            Assert.False(string.IsNullOrEmpty(AlertText(page)));
        }

        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, page, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpPage_PendingSignInOlderThanFiveMinutes_BackToPasswordTookTooLong()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        AssertOtpPage(otp);

        Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await SubmitCodeAsync(client, otp, device.TotpNow(Clock));

        AssertPasswordPage(expired);
        Assert.Contains("took too long", AlertText(expired), StringComparison.OrdinalIgnoreCase);
        Assert.False(await HasSessionAsync(client));
        var again = await client.GetAsync(OtpPath);
        AssertPasswordPage(again);

        // The password step again leads to a fresh OTP step; the code was not spent by the expired attempt.
        var restarted = await PasswordAsync(client, request, user);
        AssertOtpPage(restarted);
        AssertTwoStepTokens(await TokensAsync(client, request, await SubmitCodeAsync(client, restarted, device.TotpNow(Clock))));
    }

    [Fact]
    public async Task OtpDevice_SecretAtRest_IsEncrypted_NotBase32NorRawBytes()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);

        var row = await ReadDeviceAsync(Factory, device.Id);

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
}
