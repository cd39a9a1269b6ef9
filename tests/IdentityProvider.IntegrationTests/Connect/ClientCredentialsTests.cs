using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>The client_credentials grant for confidential service clients.</summary>
public class ClientCredentialsTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static Dictionary<string, string> Form(string clientId, string secret, string scope = "api") => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = scope,
    };

    [Fact]
    public async Task ClientCredentials_ServiceWithSecret_IssuesAccessTokenForTheClient()
    {
        using var client = provider.CreateClient();

        var tokens = await TokenResponse.PostAsync(client.Http, "/connect/token", Form("service", TestData.ServiceSecret));

        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
        var accessToken = tokens.AccessTokenJwt;
        Assert.Equal("service", accessToken.Subject);
        Assert.Equal("at+jwt", accessToken.Typ);
        Assert.Contains("api", accessToken.GetClaim("scope").Value.Split(' '));
        Assert.Equal("Bearer", tokens.Json.GetProperty("token_type").GetString());
        // Note: no user signed in, so neither an id_token nor a refresh token.
        Assert.Null(tokens.IdToken);
        Assert.Null(tokens.RefreshToken);

        var validation = await ResourceServer.ValidateAsync(tokens.AccessToken!, await client.Http.GetStringAsync("/.well-known/jwks"));
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_FailsWithInvalidClient()
    {
        using var client = provider.CreateClient();

        var tokens = await TokenResponse.PostAsync(client.Http, "/connect/token", Form("service", "not-the-secret"));

        Assert.True(tokens.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)tokens.Status}: {tokens.Json}");
        Assert.Equal("invalid_client", tokens.Error);
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task ClientCredentials_ClientWithoutTheGrant_FailsWithOAuthErrorJson()
    {
        using var client = provider.CreateClient();

        using var response = await client.Http.PostAsync("/connect/token", new FormUrlEncodedContent(Form("web", TestData.WebSecret)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("unauthorized_client", json.GetProperty("error").GetString());
        Assert.False(json.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotGrantedToClient_FailsWithOAuthError()
    {
        using var client = provider.CreateClient();

        var tokens = await TokenResponse.PostAsync(client.Http, "/connect/token", Form("service", TestData.ServiceSecret, "api email"));

        Assert.True((int)tokens.Status is >= 400 and < 500, $"{(int)tokens.Status}: {tokens.Json}");
        // Note: OpenIddict answers invalid_request for a scope the client is not permitted; RFC 6749 would
        // also allow invalid_scope. Either way it is refused with an OAuth error and no token.
        Assert.Contains(tokens.Error, new[] { "invalid_scope", "invalid_request" });
        Assert.Null(tokens.AccessToken);
    }
}
