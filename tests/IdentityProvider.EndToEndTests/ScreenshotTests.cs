using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// The README's screenshots: the sign-in page and the account overview, and as an administrator the admin area's start
/// and the users list, in English and Russian, at a desktop width and at 360 px. Every run checks that both pages open in each language (<c>&lt;html lang&gt;</c> and the switch);
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
            await fixture.GoAsync(page, LoginPage.Path);
            await ShootAsync(page, folder, language, "sign-in");
            await fixture.SignInAsync(page, user, device);
            await ShootAsync(page, folder, language, "account");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("en", "en-GB")]
    [InlineData("ru", "ru-RU")]
    public async Task AdminStartAndUsersList_InTheBrowsersLanguage_ScreenshotsWhenAsked(string language, string locale)
    {
        var folder = Environment.GetEnvironmentVariable("IDP_SCREENSHOTS") is { Length: > 0 } ? ScreenshotFolder() : null;
        var provider = fixture.Rig.Provider;
        var admin = await UserStories.CreateUserAsync(provider, role: ProviderRoles.Administrator,
            displayName: language == "ru" ? "Ада Лавлейс" : "Ada Lovelace", email: $"ada.{Guid.NewGuid():N}"[..9] + "@example.com");
        var adminDevice = await UserStories.EnrolTotpAsync(provider, admin.Id);

        // Why: a list of its own (the shared provider holds every walk's users), people of a made-up company.
        var company = $"northwind{Guid.NewGuid():N}"[..13];
        (string Name, string Mailbox)[] people = language == "ru"
            ? [("Анна Петрова", "anna.petrova"), ("Борис Кузнецов-Алексеев", "boris.kuznetsov-alekseev"), ("Вера Смирнова", "vera.smirnova"), ("Григорий Иванов", "grigory.ivanov")]
            : [("Margaret Hamilton", "margaret.hamilton"), ("Grace Brewster Murray Hopper", "grace.brewster.murray.hopper"),
                ("Katherine Johnson", "katherine.johnson"), ("Dorothy Vaughan", "dorothy.vaughan")];
        for (var index = 0; index < people.Length; index++)
        {
            var person = await UserStories.CreateUserAsync(provider, role: index == 1 ? ProviderRoles.UserManager : null, displayName: people[index].Name,
                email: $"{people[index].Mailbox}@{company}.example.com");
            if (index % 2 == 0)
            {
                await UserStories.EnrolTotpAsync(provider, person.Id);
            }
        }

        var page = await fixture.NewPageAsync(locale);
        try
        {
            await fixture.SignInAsync(page, admin, adminDevice);
            await fixture.GoAsync(page, AdminHomePage.Path);
            await ShootAsync(page, folder, language, "admin");
            await AdminUsersPageInBrowser.OpenSearchAsync(page, fixture.Provider, company);
            await ShootAsync(page, folder, language, "admin-users");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Checks the page's language; with a folder, shoots it at a desktop width and at 360 px.</summary>
    private static async Task ShootAsync(IPage page, string? folder, string language, string shot)
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
