using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary><c>prompt=none</c> and <c>prompt=login</c> at the authorization endpoint.</summary>
public class PromptTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task PromptNone_WithoutSession_RedirectsLoginRequiredWithState()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "none" });

        var page = await client.GetAsync(request.ToUrl());

        Assert.NotNull(page.ExternalRedirect);
        Assert.Equal(TestData.WebRedirectUri, WithoutQuery(page.ExternalRedirect));
        Assert.Equal("login_required", page.RedirectQuery["error"]);
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        Assert.False(page.RedirectQuery.ContainsKey("code"));
    }

    [Fact]
    public async Task PromptNone_WithSession_RedirectsWithCode()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "none" });

        var page = await client.GetAsync(request.ToUrl());

        Assert.False(string.IsNullOrEmpty(page.Code));
        Assert.Equal(request.State, page.RedirectQuery["state"]);
    }

    [Fact]
    public async Task PromptLogin_WithSession_ShowsPasswordPageAgain()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "login" });

        var page = await client.GetAsync(request.ToUrl());

        Assert.NotNull(page.As<LoginPage>().PasswordInput);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task PromptLogin_AfterPasswordAgain_ReturnsCodeWithoutLoop()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "login" });

        var login = await LoginPage.OpenAsync(client, request);
        var page = await login.SignInAsync("alice@example.com", TestData.AlicePassword);

        Assert.False(string.IsNullOrEmpty(page.Code));
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(request.Nonce, tokens.IdTokenJwt.GetClaim("nonce").Value);
    }
}

/// <summary>
/// <c>max_age</c>: a session older than the RP allows means a fresh password sign-in, after which the new
/// id_token's <c>auth_time</c> is the new sign-in. Its own provider, because the tests move its clock.
/// </summary>
public class MaxAgeTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static AuthorizationRequest MaxAgeRequest(int seconds) =>
        UserStories.WebRequest(new Dictionary<string, string> { ["max_age"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task MaxAge_SessionOlderThanMaxAge_ShowsPasswordPage()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(90));

        var page = await client.GetAsync(MaxAgeRequest(60).ToUrl());

        Assert.NotNull(page.As<LoginPage>().PasswordInput);
    }

    [Fact]
    public async Task MaxAge_SessionWithinMaxAge_ReturnsCodeDirectly()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(10));

        var page = await client.GetAsync(MaxAgeRequest(600).ToUrl());

        Assert.False(string.IsNullOrEmpty(page.Code));
    }

    [Fact]
    public async Task MaxAge_AfterReauthentication_ReturnsCodeWithNewerAuthTime()
    {
        using var client = provider.CreateClient();
        var firstRequest = UserStories.WebRequest();
        var first = await UserStories.AliceTokensAsync(client, firstRequest);
        var firstAuthTime = AuthTime(first.IdTokenJwt);
        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var request = MaxAgeRequest(60);

        var login = await LoginPage.OpenAsync(client, request);
        Assert.NotNull(login.PasswordInput);
        var page = await login.SignInAsync("alice@example.com", TestData.AlicePassword);

        // No loop: the fresh sign-in satisfies max_age, so the code comes back at once.
        Assert.False(string.IsNullOrEmpty(page.Code));
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var newAuthTime = AuthTime(tokens.IdTokenJwt);
        Assert.True(newAuthTime >= firstAuthTime + 90, $"auth_time {newAuthTime} is not newer than {firstAuthTime} + 90 s");
        Assert.Equal(request.Nonce, tokens.IdTokenJwt.GetClaim("nonce").Value);
    }

    [Fact]
    public async Task MaxAge_AfterReauthentication_SessionAuthTimeIsRenewed()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var login = await LoginPage.OpenAsync(client, MaxAgeRequest(60));
        await login.SignInAsync("alice@example.com", TestData.AlicePassword);
        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(10));

        // The session now dates from the fresh sign-in, so the same max_age is satisfied without a password.
        var page = await client.GetAsync(MaxAgeRequest(60).ToUrl());

        Assert.False(string.IsNullOrEmpty(page.Code));
    }
}
