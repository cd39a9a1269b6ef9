using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>
/// The <c>claims</c> request parameter (OpenID Connect Core 5.5): a claim asked for under <c>id_token</c> or <c>userinfo</c>
/// goes there even without its scope, and stays asked for across the code exchange and refreshes; unknown claims are
/// ignored, a malformed parameter is refused.
/// </summary>
public sealed class ClaimsParameterTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task EssentialNameInUserInfo_WithoutProfileScope_IsInTheUserInfoAnswerOnly()
    {
        var user = await UserWithProfileAsync();

        var (tokens, userInfo, client) = await SignInAsync(user, "openid", """{"userinfo":{"name":{"essential":true}}}""");
        using (client)
        {
            Assert.Equal("Mirela Okafor", userInfo.GetProperty("name").GetString());
            // Only what was asked for: the rest of the profile still needs its scope.
            Assert.Equal(["name", "sub"], Names(userInfo));
            Assert.False(Payload(tokens.IdTokenJwt).TryGetProperty("name", out _), "The userinfo request put name into the id_token.");
        }
    }

    [Fact]
    public async Task ClaimsRequestedForTheIdToken_AreInTheIdTokenOnly()
    {
        var user = await UserWithProfileAsync();

        var (tokens, userInfo, client) = await SignInAsync(user, "openid", """{"id_token":{"given_name":{"essential":true},"email":null,"phone_number":null}}""");
        using (client)
        {
            var idToken = Payload(tokens.IdTokenJwt);
            Assert.Equal("Mirela", idToken.GetProperty("given_name").GetString());
            Assert.Equal(user.Email, idToken.GetProperty("email").GetString());
            Assert.Equal("+3531234567", idToken.GetProperty("phone_number").GetString());
            Assert.False(idToken.TryGetProperty("family_name", out _), idToken.ToString());
            Assert.Equal(["sub"], Names(userInfo));
            Assert.False(Payload(tokens.AccessTokenJwt).TryGetProperty("given_name", out _), "The id_token request put given_name into the access token.");
        }
    }

    [Fact]
    public async Task RefreshedTokens_KeepTheRequestedClaims()
    {
        var user = await UserWithProfileAsync();
        var (tokens, _, client) = await SignInAsync(user, "openid offline_access",
            """{"id_token":{"family_name":null},"userinfo":{"phone_number":{"essential":true},"given_name":null}}""");
        using (client)
        {
            var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
            Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Json.ToString());
            var again = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, refreshed.RefreshToken!);
            Assert.True(again.Status == HttpStatusCode.OK, again.Json.ToString());

            Assert.Equal("Okafor", Payload(again.IdTokenJwt).GetProperty("family_name").GetString());
            var userInfo = await UserInfoAsync(client.Http, again.AccessToken!);
            Assert.Equal("+3531234567", userInfo.GetProperty("phone_number").GetString());
            Assert.Equal("Mirela", userInfo.GetProperty("given_name").GetString());
            Assert.False(userInfo.TryGetProperty("family_name", out _), userInfo.ToString());
        }
    }

    [Fact]
    public async Task UnknownClaimsAndOnesWithoutValue_AreIgnored()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Tove Ekdahl");

        // No address (not served), no shoe size (not a claim), no phone number (the user has none).
        var (tokens, userInfo, client) = await SignInAsync(user, "openid",
            """{"userinfo":{"address":{"essential":true},"shoe_size":null,"phone_number":{"essential":true}},"id_token":{"address":null},"other":{}}""");
        using (client)
        {
            Assert.Equal(["sub"], Names(userInfo));
            Assert.False(Payload(tokens.IdTokenJwt).TryGetProperty("address", out _));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"userinfo":"name"}""")]
    [InlineData("""{"id_token":{"name":true}}""")]
    [InlineData("""["name"]""")]
    public async Task MalformedClaimsParameter_IsRefusedWithInvalidRequest(string claims)
    {
        using var client = provider.CreateClient();
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, "openid") { Extra = new Dictionary<string, string> { ["claims"] = claims } };

        var error = await AuthorizationErrorAsync(client, request.ToUrl(), TestData.WebRedirectUri);

        Assert.Equal("invalid_request", error);
    }

    /// <summary>A user with names and a phone number.</summary>
    private async Task<TestUser> UserWithProfileAsync()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Mirela Okafor");
        await provider.Factory.UpdateUserAsync(user.Id, stored =>
        {
            stored.GivenName = "Mirela";
            stored.FamilyName = "Okafor";
            stored.PhoneNumber = "+3531234567";
        });
        return user;
    }

    /// <summary>Signs in at the web client for <paramref name="scope"/> with <paramref name="claims"/>: the tokens, the userinfo answer and the browser.</summary>
    private async Task<(TokenResponse Tokens, JsonElement UserInfo, ProviderClient Client)> SignInAsync(TestUser user, string scope, string claims)
    {
        var client = provider.CreateClient();
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, scope) { Extra = new Dictionary<string, string> { ["claims"] = claims } };
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));
        return (tokens, await UserInfoAsync(client.Http, tokens.AccessToken!), client);
    }
}
