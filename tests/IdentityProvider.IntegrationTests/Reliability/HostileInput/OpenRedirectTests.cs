using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// Open redirects: a return address or redirect URI off the provider (<c>//evil.example</c>, <c>/\evil.example</c>,
/// <c>https://evil.example</c>, <c>javascript:</c>) never becomes a redirect there, whichever step carries it; a
/// completed step goes to the account page instead, a protocol request to the error page.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class OpenRedirectTests(HostileInputFixture provider)
{
    public static TheoryData<string> EvilReturnUrls() => ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/%5Cevil.example", "\\\\evil.example"];

    public static TheoryData<string> EvilRedirectUris() =>
    [
        "https://evil.example/signin-oidc",
        "//evil.example/signin-oidc",
        "https://rp.example.evil.example/signin-oidc",
        "https://rp.example/signin-oidc@evil.example",
        "https://rp.example@evil.example/signin-oidc",
        "https://rp.example/signin-oidc/../../evil",
        "javascript:alert(1)",
    ];

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task SignIn_EvilReturnUrl_EndsOnTheAccountPage(string returnUrl)
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var browser = provider.CreateClient();
        var login = await browser.GetAsync(HostileTargets.WithReturnUrl(LoginPage.Path, returnUrl)).As<LoginPage>();

        var ended = await login.SignInAsync(user.Email, user.Password);

        AssertStayed(ended);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task OtpStep_EvilReturnUrl_EndsOnTheAccountPage(string returnUrl)
    {
        await provider.ForgetFailuresAsync();
        using var browser = provider.CreateClient();
        var login = await browser.GetAsync(HostileTargets.WithReturnUrl(LoginPage.Path, returnUrl)).As<LoginPage>();
        var otp = await login.SignInAsync(provider.TwoStepUser.Email, provider.TwoStepUser.Password).As<TwoStepPage>();
        provider.Factory.Clock.Advance(UserStories.Step);

        var ended = await otp.SubmitCodeAsync(provider.TwoStepDevice.TotpNow(provider.Factory.Clock));

        AssertStayed(ended);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task RecoveryCodeStep_EvilReturnUrl_EndsOnTheAccountPage(string returnUrl)
    {
        await provider.ForgetFailuresAsync();
        using var browser = provider.CreateClient();
        var login = await browser.GetAsync(HostileTargets.WithReturnUrl(LoginPage.Path, returnUrl)).As<LoginPage>();
        var otp = await login.SignInAsync(provider.TwoStepUser.Email, provider.TwoStepUser.Password).As<TwoStepPage>();
        var recovery = await otp.UseRecoveryCodeAsync();

        var ended = await recovery.SubmitCodeAsync(provider.TakeRecoveryCode());

        AssertStayed(ended);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task SignOut_EvilReturnUrl_EndsOnTheSignedOutPage(string returnUrl)
    {
        var (_, browser) = await UserStories.SignedInUserAsync(provider);
        using var _ = browser;
        var logout = await browser.GetAsync(HostileTargets.WithReturnUrl(LogoutPage.Path, returnUrl)).As<LogoutPage>();

        var ended = await logout.ConfirmAsync();

        AssertStayed(ended);
    }

    [Theory]
    [MemberData(nameof(EvilRedirectUris))]
    public async Task Authorize_EvilRedirectUri_ErrorPage_NoRedirect(string redirectUri)
    {
        var request = UserStories.WebRequest() with { RedirectUri = redirectUri };

        using var response = await provider.AccountBrowser.Http.GetAsync(request.ToUrl());

        Assert.Null(response.Headers.Location);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(EvilRedirectUris))]
    public async Task EndSession_EvilPostLogoutRedirectUri_NeverRedirectsThere(string redirectUri)
    {
        var (_, browser) = await UserStories.SignedInUserAsync(provider);
        using var _ = browser;
        var url = QueryHelpers.AddQueryString(HostileEndpoints.EndSession, new Dictionary<string, string?> { ["client_id"] = "web", ["post_logout_redirect_uri"] = redirectUri });

        var ended = await browser.GetAsync(url);
        if (ended.Is<LogoutPage>())
        {
            ended = await LogoutPage.Create(ended).ConfirmAsync();
        }

        Assert.True((int)ended.Status < 500, $"{(int)ended.Status}");
        Assert.True(ended.ExternalRedirect is null, $"Redirected off the provider to {ended.ExternalRedirect}");
    }

    /// <summary>
    /// The browser stayed on the provider and the step was done: it ended on a page of the provider (the account page
    /// or signed-out page; for <c>/%5Cevil.example</c>, a local path that does not exist, the not-found page).
    /// </summary>
    private static void AssertStayed(ProviderPage page)
    {
        Assert.True(page.ExternalRedirect is null, $"Redirected off the provider to {page.ExternalRedirect}");
        Assert.Equal("localhost", page.Uri.Host);
        Assert.True(page.Is<ManagePage>() || page.Is<SignedOutPage>() || page.Status == System.Net.HttpStatusCode.NotFound,
            $"Ended on {page.Uri} ({(int)page.Status}): {page.Text.Trim()[..Math.Min(200, page.Text.Trim().Length)]}");
    }
}
