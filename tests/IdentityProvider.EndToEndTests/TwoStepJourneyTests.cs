using System.Text.RegularExpressions;
using System.Web;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
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
            await page.GotoAsync(new Uri(provider, LoginPage.Path).ToString());
            await BrowserSteps.SubmitPasswordAsync(page, "bob@example.com", TestData.BobPassword);
            await page.WaitForURLAsync(new Uri(provider, ManagePage.Path).ToString());

            await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in", Exact = true }).ClickAsync();
            await Expect(page.Locator("#two-step-off")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an authenticator app", Exact = true }).ClickAsync();

            await page.GetByLabel("Device name", new() { Exact = true }).FillAsync(DeviceName);
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Time-based (TOTP)" })).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

            // The QR code, read back from what the browser drew.
            var qr = page.Locator("#otp-qr");
            await Expect(qr).ToBeVisibleAsync();
            var decoded = await QrDecoder.DecodeAsync(await qr.ScreenshotAsync(new() { Type = ScreenshotType.Png }));

            var link = page.GetByRole(AriaRole.Link, new() { Name = "Open in authenticator app", Exact = true });
            var keyUri = await link.GetAttributeAsync("href");
            Assert.Equal(keyUri, decoded);

            var secretShown = await page.Locator("#otp-secret").InnerTextAsync();
            var issuer = await page.Locator("#otp-issuer").InnerTextAsync();
            var account = await page.Locator("#otp-account").InnerTextAsync();
            Assert.Matches(new Regex("^(?:[A-Z2-7]{4} )*[A-Z2-7]{1,4}$"), secretShown);
            Assert.Equal("bob@example.com", account);
            // The site address: the provider's host without the scheme.
            Assert.Contains(issuer, new[] { provider.Host, provider.Authority });
            await Expect(page.Locator("#otp-type")).ToHaveTextAsync("Time-based (TOTP)");

            var key = KeyUri.Parse(decoded);
            Assert.Equal("totp", key.Type);
            Assert.Equal(issuer, key.LabelIssuer);
            Assert.Equal(account, key.LabelAccount);
            Assert.Equal(issuer, key.Parameters["issuer"]);
            Assert.Equal(secretShown.Replace(" ", "", StringComparison.Ordinal), key.Parameters["secret"]);
            Assert.Equal("SHA1", key.Parameters["algorithm"]);
            Assert.Equal("6", key.Parameters["digits"]);
            Assert.Equal("30", key.Parameters["period"]);

            // Activate the device with the current code, as the app would show it.
            var totp = new Totp(Base32Encoding.ToBytes(key.Parameters["secret"]), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
            var enrolmentCode = page.GetByLabel("Code from the app", new() { Exact = true });
            await Expect(enrolmentCode).ToHaveAttributeAsync("autocomplete", "one-time-code");
            await Expect(enrolmentCode).ToHaveAttributeAsync("inputmode", "numeric");
            await enrolmentCode.PressSequentiallyAsync(totp.ComputeTotp(clock.GetUtcNow().UtcDateTime));
            await enrolmentCode.PressAsync("Enter");

            // The first device brings recovery codes, shown once, before the device list.
            var devices = page.Locator("#devices");
            var recoveryCodes = page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes", Exact = true });
            var refused = page.Locator(".validation-summary-errors");
            await Expect(devices.Or(recoveryCodes).Or(refused)).ToBeVisibleAsync();
            if (await refused.IsVisibleAsync())
            {
                Assert.Fail($"The enrolment code was refused: {await refused.InnerTextAsync()}");
            }

            if (await recoveryCodes.IsVisibleAsync())
            {
                await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
                await page.GetByLabel("I have saved these codes", new() { Exact = true }).CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
            }

            await page.WaitForURLAsync(new Uri(provider, DevicesPage.Path).ToString());
            var device = devices.GetByRole(AriaRole.Row).Filter(new() { HasText = DeviceName });
            await Expect(device).ToHaveCountAsync(1);
            await Expect(device).ToContainTextAsync("Time-based (TOTP), 6 digits");

            await page.GetByRole(AriaRole.Link, new() { Name = "Sign out", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed out", Exact = true })).ToBeVisibleAsync();

            // Why: the enrolment spent this time step, and a spent step is refused; the next one is fresh.
            clock.Advance(TimeSpan.FromSeconds(30));

            await page.GotoAsync(rp.ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, LoginPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
            await BrowserSteps.SubmitPasswordAsync(page, "bob@example.com", TestData.BobPassword);

            await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, TwoStepPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
            var code = page.GetByLabel("One-time password", new() { Exact = true });
            await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
            await Expect(code).ToHaveAttributeAsync("inputmode", "numeric");
            await Expect(code).ToBeFocusedAsync();

            // A hardware token types into whatever has the focus, then presses Enter.
            await page.Keyboard.TypeAsync(totp.ComputeTotp(clock.GetUtcNow().UtcDateTime));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync(rp.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed in" })).ToBeVisibleAsync();
            await Expect(page.Locator("#amr")).ToHaveTextAsync("pwd otp mfa");
            await Expect(page.Locator("#name")).ToHaveTextAsync("Bob Example");
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
