using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>Signing out ends the session on the server: a copy of the cookie taken before stops working at once.</summary>
public class ServerSideSessionTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task SignOut_CopyOfTheSessionCookieTakenBefore_NoLongerOpensTheAccountPage()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var browser = provider.CreateClient();
        using var signedIn = await (await LoginPage.OpenAsync(browser)).PostSignInAsync(user.Email, user.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(UserStories.SessionCookie + "=", StringComparison.Ordinal));
        using var thief = provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        using (var before = await thief.GetAsync(ManagePage.Path))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await (await LogoutPage.OpenAsync(browser)).SignOutAsync();

        using var after = await thief.GetAsync(ManagePage.Path);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(LoginPage.Path, after.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OtherBrowsersOfTheSameUser_KeepTheirOwnSessions()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var first = provider.CreateClient();
        using var second = provider.CreateClient();
        (await UserStories.SignInWithPasswordAsync(first, user.Email, user.Password)).As<ManagePage>();
        (await UserStories.SignInWithPasswordAsync(second, user.Email, user.Password)).As<ManagePage>();

        await (await LogoutPage.OpenAsync(second)).SignOutAsync();

        Assert.True(await ManagePage.HasSessionAsync(first), "Signing out of one browser ended another one's session.");
        Assert.False(await ManagePage.HasSessionAsync(second));
    }
}
