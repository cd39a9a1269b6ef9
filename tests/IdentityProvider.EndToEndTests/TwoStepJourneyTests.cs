using System.Text.RegularExpressions;
using System.Web;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// Two-step sign-in in a real browser: enrol an authenticator app from the account page, read the key back
/// from the QR code's pixels, activate it with a code, then sign in at a relying party with password and code,
/// the code typed into the focused field and sent with Enter as a hardware token does.
/// </summary>
public class TwoStepJourneyTests(BrowserJourneyFixture fixture) : IClassFixture<BrowserJourneyFixture>
{
    private const float Timeout = 20_000;
    private const string DeviceName = "Journey phone";

    [Fact]
    public async Task Journey_EnrolAuthenticatorFromQrCode_ThenSignInAtRelyingPartyWithCodeAndEnter()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        // Note: the provider reads the test's clock, which stands still; the test moves it to the next time step.
        var clock = fixture.Rig.Provider.Clock;
        var page = await fixture.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        try
        {
            // Bob, so that the other journeys' Alice keeps signing in with her password alone.
            var login = await LoginPageInBrowser.OpenAsync(page, provider);
            await login.SubmitAsync("bob@example.com", TestData.BobPassword);
            var account = await ManagePageInBrowser.ReachedAsync(page, provider);

            var devices = await account.OpenTwoStepAsync();
            await Expect(devices.TwoStepOff).ToBeVisibleAsync();
            var enrolment = await devices.AddAuthenticatorAppAsync();

            await enrolment.NameAsync(DeviceName);
            await Expect(enrolment.TimeBased).ToBeCheckedAsync();
            await enrolment.ContinueAsync();

            // The QR code, read back from what the browser drew.
            await Expect(enrolment.QrCode).ToBeVisibleAsync();
            var decoded = await QrDecoder.DecodeAsync(await enrolment.QrCodePngAsync());

            var keyUri = await enrolment.KeyUriAsync();
            Assert.Equal(keyUri, decoded);

            var secretShown = await enrolment.SecretShownAsync();
            var issuer = await enrolment.IssuerAsync();
            var accountShown = await enrolment.AccountAsync();
            Assert.Matches(new Regex("^(?:[A-Z2-7]{4} )*[A-Z2-7]{1,4}$"), secretShown);
            Assert.Equal("bob@example.com", accountShown);
            // The site address: the provider's host without the scheme.
            Assert.Contains(issuer, new[] { provider.Host, provider.Authority });
            await Expect(enrolment.KeyType).ToHaveTextAsync("Time-based (TOTP)");

            var key = KeyUri.Parse(decoded);
            Assert.Equal("totp", key.Type);
            Assert.Equal(issuer, key.LabelIssuer);
            Assert.Equal(accountShown, key.LabelAccount);
            Assert.Equal(issuer, key.Parameters["issuer"]);
            Assert.Equal(secretShown.Replace(" ", "", StringComparison.Ordinal), key.Parameters["secret"]);
            Assert.Equal("SHA1", key.Parameters["algorithm"]);
            Assert.Equal("6", key.Parameters["digits"]);
            Assert.Equal("30", key.Parameters["period"]);

            // Activate the device with the current code, as the app would show it.
            var totp = new Totp(Base32Encoding.ToBytes(key.Parameters["secret"]), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
            await Expect(enrolment.CodeFromApp).ToHaveAttributeAsync("autocomplete", "one-time-code");
            await Expect(enrolment.CodeFromApp).ToHaveAttributeAsync("inputmode", "numeric");
            await enrolment.ActivateAsync(totp.ComputeTotp(clock.GetUtcNow().UtcDateTime));

            // The first device brings recovery codes, shown once, before the device list.
            var recoveryCodes = new ShowRecoveryCodesPageInBrowser(page, provider);
            await Expect(devices.Devices.Or(recoveryCodes.YourRecoveryCodes).Or(enrolment.Refusal)).ToBeVisibleAsync();
            if (await enrolment.Refusal.IsVisibleAsync())
            {
                Assert.Fail($"The enrolment code was refused: {await enrolment.Refusal.InnerTextAsync()}");
            }

            if (await recoveryCodes.YourRecoveryCodes.IsVisibleAsync())
            {
                await Expect(recoveryCodes.Codes).ToHaveCountAsync(10);
                await recoveryCodes.AcknowledgeAsync();
            }

            devices = await DevicesPageInBrowser.ReachedAsync(page, provider);
            var device = devices.RowsOf(DeviceName);
            await Expect(device).ToHaveCountAsync(1);
            await Expect(device).ToContainTextAsync("Time-based (TOTP), 6 digits");

            var logout = await devices.SignOutAsync();
            var signedOut = await logout.SignOutAsync();
            await Expect(signedOut.SignedOut).ToBeVisibleAsync();

            // Why: the enrolment spent this time step, and a spent step is refused; the next one is fresh.
            clock.Advance(TimeSpan.FromSeconds(30));

            var relyingParty = await RelyingPartyPageInBrowser.OpenAsync(page, rp);
            login = await relyingParty.SignInAsync(provider);
            await login.SubmitAsync("bob@example.com", TestData.BobPassword);

            var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(page, provider);
            await Expect(oneTimePassword.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
            await Expect(oneTimePassword.Code).ToHaveAttributeAsync("inputmode", "numeric");
            await Expect(oneTimePassword.Code).ToBeFocusedAsync();

            // A hardware token types into whatever has the focus, then presses Enter.
            await oneTimePassword.TypeIntoFocusAndEnterAsync(totp.ComputeTotp(clock.GetUtcNow().UtcDateTime));

            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(page, rp);
            await Expect(relyingParty.SignedIn).ToBeVisibleAsync();
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd otp mfa");
            await Expect(relyingParty.Name).ToHaveTextAsync("Bob Example");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The journey stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The parts of an <c>otpauth://TYPE/ISSUER:ACCOUNT?...</c> key URI, split as authenticator apps do.</summary>
    private sealed record KeyUri(string Type, string LabelIssuer, string LabelAccount, IReadOnlyDictionary<string, string> Parameters)
    {
        public static KeyUri Parse(string uri)
        {
            var match = Regex.Match(uri, "^otpauth://(?<type>[a-z]+)/(?<label>[^?]*)\\?(?<query>.*)$");
            Assert.True(match.Success, $"Not an otpauth key URI: {uri}");
            var label = Uri.UnescapeDataString(match.Groups["label"].Value);
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"The label has no issuer prefix: {label}");
            var query = HttpUtility.ParseQueryString(match.Groups["query"].Value);
            var parameters = query.AllKeys.OfType<string>().ToDictionary(name => name, name => query[name]!);
            return new KeyUri(match.Groups["type"].Value, label[..colon], label[(colon + 1)..], parameters);
        }
    }
}
