using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>The authorization code flow a relying party relies on, on PostgreSQL.</summary>
public class CodeFlowTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task CodeFlow_PasswordSignIn_IssuesIdTokenWithPasswordAmrAndNonce()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var redirect = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);
        Assert.StartsWith(TestData.WebRedirectUri, redirect.ExternalRedirect!.ToString());
        Assert.Equal(request.State, redirect.RedirectQuery["state"]);

        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.RefreshToken);

        var idToken = tokens.IdTokenJwt;
        Assert.Equal("alice@example.com", idToken.GetClaim("email").Value);
        Assert.Equal("Alice Example", idToken.GetClaim("name").Value);
        Assert.Equal(request.Nonce, idToken.GetClaim("nonce").Value);
        Assert.True(idToken.TryGetPayloadValue<long>("auth_time", out var authTime) && authTime > 0);
        Assert.Equal("pwd", tokens.Acr);
        Assert.Equal(["pwd"], tokens.Amr); // Amr asserts the JSON array (RFC 8176) before reading it
    }

    [Fact]
    public async Task AccessToken_IsSignedJwtWithAtJwtType_ValidatedByJwks()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var jwks = new JsonWebKeySet(await client.Http.GetStringAsync("/.well-known/jwks"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/",
            ValidateAudience = false,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });

        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("at+jwt", tokens.AccessTokenJwt.Typ);
        Assert.Equal(tokens.IdTokenJwt.Subject, validation.ClaimsIdentity.FindFirst("sub")?.Value);
    }
}
