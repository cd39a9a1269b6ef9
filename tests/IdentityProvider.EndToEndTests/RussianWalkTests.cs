using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// A Russian browser (locale ru-RU, so Accept-Language ru) signs in with the one-time password, adds an
/// authenticator app from the QR code's key, generates recovery codes and creates a personal access token; no page
/// on the way shows an English text of the provider's resources (<see cref="LanguageChecks"/>), and each says it is
/// Russian (<c>&lt;html lang="ru"&gt;</c>). What the user types is Russian too, so it cannot trip the check.
/// </summary>
[Collection(PagesInChromiumCollection.Name)]
public sealed class RussianWalkTests(PagesInChromiumFixture fixture)
{
    [Fact]
    public async Task RussianBrowser_SignInOtpEnrolmentRecoveryCodesTokens_NoEnglishText()
    {
        var provider = fixture.Rig.Provider;
        var user = await UserStories.CreateUserAsync(provider, displayName: "Анна Петрова");
        var device = await UserStories.EnrolTotpAsync(provider, user.Id, "Телефон");
        var findings = new List<string>();
        var walked = new List<string>();
        var page = await fixture.NewPageAsync("ru-RU");

        async Task CheckAsync(string name)
        {
            walked.Add(name);
            var language = await LanguageSwitchInBrowser.LanguageAsync(page);
            if (language != "ru")
            {
                findings.Add($"{name} ({page.Url}): <html lang=\"{language}\">");
            }

            findings.AddRange(LanguageChecks.EnglishTextsInHtml(await page.ContentAsync()).Select(text => $"{name} ({new Uri(page.Url).AbsolutePath}): {text}"));
        }

        try
        {
            await fixture.SignInAsync(page, user, device, CheckAsync);
            await CheckAsync("account overview");

            // An authenticator app: the device list, its name, the QR code and key, the code from the app.
            await fixture.GoAsync(page, DevicesPage.Path);
            await CheckAsync("devices");
            await fixture.GoAsync(page, AddDevicePage.Path);
            await CheckAsync("add an authenticator app");
            await BrowserWalk.BeginEnrolmentAsync(page, "Рабочий телефон");
            await CheckAsync("QR code and key");
            await BrowserWalk.SendEmptyAsync(page);
            await CheckAsync("QR code and key, code empty");
            var secret = (await new AddDevicePageInBrowser(page, fixture.Provider).SecretShownAsync()).Replace(" ", "", StringComparison.Ordinal);
            var app = new TestDevice(Guid.Empty, OtpNet.Base32Encoding.ToBytes(secret), device.Parameters);
            fixture.Clock.Advance(UserStories.Step);
            await BrowserWalk.ConfirmEnrolmentAsync(page, app.TotpNow(fixture.Clock));
            Assert.True(BrowserWalk.IsAt(page, DevicesPage.Path), $"Expected the device list after the enrolment, at {page.Url}");
            await CheckAsync("devices, app added");

            // Recovery codes: the section, a new set with the password, shown once.
            await fixture.GoAsync(page, RecoveryCodesPage.Path);
            await CheckAsync("recovery codes");
            await BrowserWalk.SendEmptyAsync(page);
            await CheckAsync("recovery codes, password empty");
            await BrowserWalk.GenerateRecoveryCodesAsync(page, user.Password);
            Assert.True(BrowserWalk.IsAt(page, ShowRecoveryCodesPage.Path), $"Expected the new recovery codes, at {page.Url}");
            await CheckAsync("recovery codes shown");

            // Personal access tokens: the list, the form and its errors, the token shown once, the list with it.
            await fixture.GoAsync(page, TokensPage.Path);
            await CheckAsync("tokens");
            await fixture.GoAsync(page, CreateTokenPage.Path);
            await CheckAsync("create token");
            await BrowserWalk.SendEmptyAsync(page);
            await CheckAsync("create token, fields empty");
            await fixture.GoAsync(page, CreateTokenPage.Path);
            await BrowserWalk.CreateTokenAsync(page, "Выгрузка отчётов");
            Assert.True(await BrowserWalk.ShowsNewTokenAsync(page), $"No new token shown at {page.Url}");
            await CheckAsync("token shown once");
            await fixture.GoAsync(page, TokensPage.Path);
            await CheckAsync("tokens, one active");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The walk stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0,
            $"English on {findings.Count} place(s) of the Russian walk:\n" + string.Join("\n", findings) + "\nPages walked: " + string.Join(", ", walked));
    }
}
