using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>The main flows on the embedded SQLite database, the default for a fresh machine.</summary>
public class SqliteMainFlowTests(SqliteProviderFixture provider) : IClassFixture<SqliteProviderFixture>
{
    [Fact]
    public async Task CodeFlow_OnSqlite_IssuesIdTokenWithPasswordAmr()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        var idToken = tokens.IdTokenJwt;
        Assert.Equal("alice@example.com", idToken.GetClaim("email").Value);
        Assert.Equal(request.Nonce, idToken.GetClaim("nonce").Value);
        Assert.Equal(["pwd"], tokens.Amr);
        Assert.True(AuthTime(idToken) > 0);
        var validation = await ResourceServer.ValidateAsync(tokens.AccessToken!, await client.Http.GetStringAsync("/.well-known/jwks"));
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task ProfileEdit_OnSqlite_IsStored_AndReleasedWithItsUpdateTime()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var browser = client;
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(10));

        await (await ProfilePage.OpenAsync(browser)).SaveAsync(givenName: "Liv", familyName: "Strand", phoneNumber: "+47 900 11 222").As<ManagePage>();
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, "openid profile phone");
        var tokens = await UserStories.ExchangeCodeAsync(browser, request, await browser.GetAsync(request.ToUrl()));

        var userInfo = await UserInfoAsync(browser.Http, tokens.AccessToken!);
        Assert.Equal(("Liv", "Strand", "+4790011222"), (userInfo.GetProperty("given_name").GetString(),
            userInfo.GetProperty("family_name").GetString(), userInfo.GetProperty("phone_number").GetString()));
        Assert.Equal(provider.Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), userInfo.GetProperty("updated_at").GetInt64());
    }

    [Fact]
    public async Task Refresh_OnSqlite_RotatesAndRefusesTheSpentToken()
    {
        using var client = provider.CreateClient();
        var first = await UserStories.AliceTokensAsync(client);

        var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);

        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Json.ToString());
        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(["pwd"], refreshed.Amr);
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var reused = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);
        Assert.Equal("invalid_grant", reused.Error);
    }

    [Fact]
    public async Task ConsentAndPkce_OnSqlite_PublicClientGetsTokens()
    {
        using var client = provider.CreateClient();
        var request = new AuthorizationRequest("spa", TestData.SpaRedirectUri, "openid profile email");
        var consent = await SignInWithPasswordAsync(client, request, "bob@example.com", TestData.BobPassword);

        var page = await consent.As<ConsentPage>().AllowAsync();
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, clientSecret: null);

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
        Assert.Equal("bob@example.com", tokens.IdTokenJwt.GetClaim("email").Value);
    }

    [Fact]
    public async Task PromptNone_OnSqliteWithoutSession_RedirectsLoginRequired()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "none" });

        var page = await client.GetAsync(request.ToUrl());

        Assert.Equal("login_required", page.RedirectQuery["error"]);
    }

    [Fact]
    public async Task ClientCredentials_OnSqlite_IssuesAccessTokenForTheClient()
    {
        using var client = provider.CreateClient();

        var tokens = await TokenResponse.PostAsync(client.Http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service",
            ["client_secret"] = TestData.ServiceSecret,
            ["scope"] = "api",
        });

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
        Assert.Equal("service", tokens.AccessTokenJwt.Subject);
    }
}
