using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>Codes shown once are shown once: replaying the cookie that carried them to the page shows nothing.</summary>
public class ShowOnceReplayTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task RecoveryCodes_ReplayedTempDataCookie_ShowsNoCodesTheSecondTime()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        using var browser = provider.CreateClient();
        var otp = await (await LoginPage.OpenAsync(browser)).SignInAsync(user.Email, user.Password).As<TwoStepPage>();
        provider.Factory.Clock.Advance(UserStories.Step);
        using var signedIn = await otp.PostCodeAsync(device.TotpNow(provider.Factory.Clock));
        var session = CookieOf(signedIn, UserStories.SessionCookie);

        var section = (await RecoveryCodesPage.OpenAsync(browser)).As<RecoveryCodesPage>();
        var generated = await section.PostGenerateAsync(user.Password);
        var carrier = CookieOf(generated, ".AspNetCore.Mvc.CookieTempDataProvider");
        var shown = (await browser.FollowAsync(generated)).As<ShowRecoveryCodesPage>();
        Assert.Equal(10, shown.Codes.Count);

        // The same cookie sent again, as an attacker who copied it (or a replaying proxy) would.
        using var replay = provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        replay.DefaultRequestHeaders.Add("Cookie", $"{session}; {carrier}");
        var again = await replay.GetStringAsync(ShowRecoveryCodesPage.Path);

        Assert.DoesNotContain(shown.Codes[0], again, StringComparison.Ordinal);
        Assert.Contains("cannot be shown again", again, StringComparison.Ordinal);
    }

    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];
}
