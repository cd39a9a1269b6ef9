using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.PasswordReset;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>The tests that walk every page in Chromium (accessibility, 360 px, Russian, screenshots) share one provider and browser.</summary>
[CollectionDefinition(Name)]
public sealed class PagesInChromiumCollection : ICollectionFixture<PagesInChromiumFixture>
{
    public const string Name = "Pages in Chromium";
}

/// <summary>
/// The relying-party rig (the seeded clients, the token client <c>cli</c> so the token pages are open) and one
/// Chromium; each walk opens its own context per visitor.
/// </summary>
public sealed class PagesInChromiumFixture : IAsyncLifetime
{
    public const float Timeout = 20_000;

    private RelyingPartyRig? rig;
    private BrowserSession? browser;

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri Provider => Rig.ProviderAddress;

    public TestClock Clock => Rig.Provider.Clock;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(TestData.TokenClient(3, "cli", null, "api")) { ["Tokens:AllowSignInByToken"] = "true" };
        rig = await RelyingPartyRig.StartAsync(DatabaseProvider.Sqlite, settings);
        browser = await BrowserSession.LaunchAsync();
    }

    /// <summary>A new browser context (cookies of its own) and its page, for the checks or in a language.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.Browser.NewContextAsync(PageChecks.ContextOptions(locale));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        page.SetDefaultNavigationTimeout(Timeout);
        return page;
    }

    /// <summary>Opens <paramref name="path"/> at the provider.</summary>
    public Task GoAsync(IPage page, string path) => page.GotoAsync(BrowserWalk.At(Provider, path));

    /// <summary>Signs in at the sign-in page with the password and, when the user has a device, a fresh one-time password; ends on the account page.</summary>
    public async Task SignInAsync(IPage page, TestUser user, TestDevice? device, Func<string, Task>? onPage = null)
    {
        await GoAsync(page, LoginPage.Path);
        await (onPage?.Invoke("sign-in") ?? Task.CompletedTask);
        await BrowserWalk.SignInAsync(page, user.Email, user.Password);
        if (device is not null)
        {
            Assert.True(BrowserWalk.IsAt(page, TwoStepPage.Path), $"Expected the OTP step, at {page.Url}");
            await (onPage?.Invoke("OTP step") ?? Task.CompletedTask);
            Clock.Advance(UserStories.Step);
            await BrowserWalk.SendOneTimePasswordAsync(page, device.TotpNow(Clock));
        }

        Assert.True(BrowserWalk.IsAt(page, ManagePage.Path), $"Expected the account page after signing in, at {page.Url}");
    }

    /// <summary>A reset link (as mailed) and a set-password link (as an administrator is shown) for <paramref name="user"/>: path and query.</summary>
    public async Task<(string Reset, string Set)> PasswordLinksAsync(TestUser user)
    {
        using var scope = Rig.Provider.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id)
            ?? throw new InvalidOperationException("The user is gone.");
        var reset = await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().IssueAsync(account)
            ?? throw new InvalidOperationException("No reset link was issued.");
        var set = await scope.ServiceProvider.GetRequiredService<PasswordLinks>().IssueAsync(account);
        return (reset, set);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (rig is not null)
        {
            await rig.DisposeAsync();
        }
    }
}
