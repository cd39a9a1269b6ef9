using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// The README's screenshots: the sign-in page and the account overview in English and Russian, at a desktop width
/// and at 360 px. Every run checks that both pages open in each language (<c>&lt;html lang&gt;</c> and the switch);
/// with <c>IDP_SCREENSHOTS</c> set it also writes the PNGs to <c>docs/screenshots/</c>:
/// <c>IDP_SCREENSHOTS=1 dotnet test tests/IdentityProvider.EndToEndTests --filter "FullyQualifiedName~ScreenshotTests"</c>.
/// </summary>
[Collection(PagesInChromiumCollection.Name)]
public sealed class ScreenshotTests(PagesInChromiumFixture fixture)
{
    [Theory]
    [InlineData("en", "en-GB")]
    [InlineData("ru", "ru-RU")]
    public async Task SignInAndAccountPages_InTheBrowsersLanguage_ScreenshotsWhenAsked(string language, string locale)
    {
        var folder = Environment.GetEnvironmentVariable("IDP_SCREENSHOTS") is { Length: > 0 } ? ScreenshotFolder() : null;
        var provider = fixture.Rig.Provider;
        var (name, email) = language == "ru" ? ("Анна Петрова", "anna.petrova") : ("Anna Peterson", "anna.peterson");
        var user = await UserStories.CreateUserAsync(provider, displayName: name, email: $"{email}.{Guid.NewGuid():N}"[..(email.Length + 5)] + "@example.com");
        var device = await UserStories.EnrolTotpAsync(provider, user.Id, language == "ru" ? "Телефон" : "Phone");
        await UserStories.GenerateRecoveryCodesAsync(provider, user.Id);
        var page = await fixture.NewPageAsync(locale);
        try
        {
            async Task ShootAsync(string shot)
            {
                Assert.Equal(language, await LanguageSwitchInBrowser.LanguageAsync(page));
                Assert.Equal(language, await LanguageSwitchInBrowser.ChosenLanguageAsync(page));
                if (folder is null)
                {
                    return;
                }

                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{shot}.{language}.png"), FullPage = true });
                await page.SetViewportSizeAsync(PageChecks.NarrowWidth, PageChecks.NarrowHeight);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{shot}-360.{language}.png"), FullPage = true });
                await page.SetViewportSizeAsync(PageChecks.DesktopWidth, PageChecks.DesktopHeight);
            }

            await fixture.GoAsync(page, LoginPage.Path);
            await ShootAsync("sign-in");
            await fixture.SignInAsync(page, user, device);
            await ShootAsync("account");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static string ScreenshotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IdentityProvider.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(folder.FullName, "docs", "screenshots")).FullName;
            }
        }

        throw new InvalidOperationException("The repository root (IdentityProvider.sln) was not found above " + AppContext.BaseDirectory);
    }
}
