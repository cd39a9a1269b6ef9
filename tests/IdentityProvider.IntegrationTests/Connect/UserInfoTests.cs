using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary><c>/connect/userinfo</c>: the profile behind an access token, and a Bearer challenge without one.</summary>
public class UserInfoTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static async Task<(HttpStatusCode Status, HttpResponseMessage Response, string Body)> GetUserInfoAsync(HttpClient http, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await http.SendAsync(request);
        return (response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserInfo_WithAccessToken_ReturnsSubEmailAndName()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var (status, response, body) = await GetUserInfoAsync(client.Http, tokens.AccessToken);
        using (response)
        {
            Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal(tokens.IdTokenJwt.Subject, json.GetProperty("sub").GetString());
            Assert.Equal("alice@example.com", json.GetProperty("email").GetString());
            Assert.Equal("Alice Example", json.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task UserInfo_WithoutEmailScope_OmitsEmail()
    {
        using var client = provider.CreateClient();
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, "openid profile");
        var tokens = await UserStories.AliceTokensAsync(client, request);

        var (status, response, body) = await GetUserInfoAsync(client.Http, tokens.AccessToken);
        using (response)
        {
            Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Alice Example", json.GetProperty("name").GetString());
            Assert.False(json.TryGetProperty("email", out _), body);
        }
    }

    [Fact]
    public async Task UserInfo_PostWithBearerHeaderAndNoBody_ReturnsTheProfile()
    {
        // OpenID Connect Core 5.3.1: the bearer header alone, a POST with no body and so no Content-Type.
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(tokens.IdTokenJwt.Subject, JsonDocument.Parse(body).RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task UserInfo_WithoutToken_Returns401WithBearerChallenge()
    {
        using var client = provider.CreateClient();

        var (status, response, body) = await GetUserInfoAsync(client.Http, null);
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.DoesNotContain("alice", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UserInfo_WithGarbageToken_Returns401WithInvalidTokenChallenge()
    {
        using var client = provider.CreateClient();

        var (status, response, _) = await GetUserInfoAsync(client.Http, "not-a-token.at-all.really");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter ?? "");
        }
    }

    [Fact]
    public async Task UserInfo_WithClientCredentialsToken_Returns401()
    {
        using var client = provider.CreateClient();
        var service = await TokenResponse.PostAsync(client.Http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service",
            ["client_secret"] = TestData.ServiceSecret,
            ["scope"] = "api",
        });
        Assert.Equal(HttpStatusCode.OK, service.Status);

        // A service's token has no user behind it, so there is no profile to return.
        var (status, response, _) = await GetUserInfoAsync(client.Http, service.AccessToken);
        using (response)
        {
            Assert.True((int)status is 400 or 401 or 403, $"{(int)status}");
            Assert.NotEmpty(response.Headers.WwwAuthenticate);
        }
    }
}
