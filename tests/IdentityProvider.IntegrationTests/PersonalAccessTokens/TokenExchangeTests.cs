using System.Net;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>The personal access token grant at /connect/token: what a valid token gets, and how scopes and lifetime are cut.</summary>
public class TokenExchangeTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task Exchange_ValidToken_ReturnsAccessTokenThatValidatesAgainstJwksWithSubScopeAndPatId()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id, scopes: ["api", "reports"]);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.True(response.Status == HttpStatusCode.OK, response.Json.ToString());
        Assert.Equal("Bearer", response.Json.GetProperty("token_type").GetString());
        Assert.Null(response.RefreshToken);
        Assert.Null(response.IdToken);
        var validation = await ResourceServer.ValidateAsync(client.Http, response.AccessToken!);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = response.AccessTokenJwt;
        Assert.Equal(user.Id, jwt.Subject);
        Assert.Equal(["api", "reports"], jwt.GetClaim("scope").Value.Split(' ').Order());
        Assert.Equal(token.Id.ToString(), jwt.GetClaim("pat_id").Value);
        Assert.Equal(TokenFixture.Client, jwt.GetClaim("client_id").Value);
        // A token exchange proves possession of a secret, not a sign-in: no amr, acr or auth_time.
        Assert.False(jwt.TryGetClaim("amr", out _));
        Assert.False(jwt.TryGetClaim("acr", out _));
        Assert.False(jwt.TryGetClaim("auth_time", out _));
        Assert.DoesNotContain(token.Secret, response.Json.ToString());
    }

    [Fact]
    public async Task Exchange_PlainFormAnsweredAheadOfOpenIddict_GivesTheSameTokenAndErrorsAsOpenIddict()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id, scopes: ["api", "reports"]);
        using var client = provider.CreateClient();

        // The plain form is answered ahead of OpenIddict; asking for a scope sends the request through it.
        var plain = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        var throughOpenIddict = await TokenSteps.ExchangeAsync(client.Http, token.Secret, scope: "api reports");

        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Equal(HttpStatusCode.OK, throughOpenIddict.Status);
        Assert.Equal(throughOpenIddict.AccessTokenJwt.Alg, plain.AccessTokenJwt.Alg);
        Assert.Equal(throughOpenIddict.AccessTokenJwt.Kid, plain.AccessTokenJwt.Kid);
        Assert.Equal(throughOpenIddict.AccessTokenJwt.Typ, plain.AccessTokenJwt.Typ);
        Assert.Equal(TokenClaims(throughOpenIddict), TokenClaims(plain));
        Assert.NotEqual(throughOpenIddict.AccessTokenJwt.Id, plain.AccessTokenJwt.Id);
        Assert.Equal(throughOpenIddict.AccessTokenJwt.ValidTo - throughOpenIddict.AccessTokenJwt.IssuedAt, plain.AccessTokenJwt.ValidTo - plain.AccessTokenJwt.IssuedAt);
        Assert.Equal(throughOpenIddict.Json.GetProperty("expires_in").GetInt64(), plain.Json.GetProperty("expires_in").GetInt64(), tolerance: 1);
        Assert.Equal(throughOpenIddict.Json.GetProperty("token_type").GetString(), plain.Json.GetProperty("token_type").GetString());
        Assert.Equal("api reports", plain.Json.GetProperty("scope").GetString());
        Assert.True((await ResourceServer.ValidateAsync(client.Http, plain.AccessToken!)).IsValid);

        // Refusals read the same both ways.
        await TokenSteps.RevokeAsync(Factory, user.Id, token.Id);
        var plainRefusal = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        var refusalThroughOpenIddict = await TokenSteps.ExchangeAsync(client.Http, token.Secret, scope: "api");
        Assert.Equal((refusalThroughOpenIddict.Status, refusalThroughOpenIddict.Error, refusalThroughOpenIddict.ErrorDescription),
            (plainRefusal.Status, plainRefusal.Error, plainRefusal.ErrorDescription));
        Assert.Equal("invalid_grant", plainRefusal.Error);
        // OpenIddict adds a generic error_uri (its documentation); the answer ahead of it has none, which shows
        // that the plain form really took the other way.
        Assert.True(refusalThroughOpenIddict.Json.TryGetProperty("error_uri", out _));
        Assert.False(plainRefusal.Json.TryGetProperty("error_uri", out _));
    }

    /// <summary>Every claim but the ones that differ per token (its id and times), as type=value lines.</summary>
    private static string[] TokenClaims(TokenResponse response) =>
        response.AccessTokenJwt.Claims.Where(claim => claim.Type is not ("jti" or "iat" or "exp"))
            .Select(claim => $"{claim.Type}={claim.Value}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Exchange_Repeated_StoresNoRowPerAccessToken()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        var authorizationId = (await TokenSteps.ReadAsync(Factory, token.Id)).AuthorizationId;
        using var client = provider.CreateClient();

        for (var exchange = 0; exchange < 3; exchange++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Status);
        }

        // Scripts may exchange often: the token table must not grow with them (revocation goes through the
        // token's authorization instead; see TokenRevocationTests).
        Assert.Equal(0, await Factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(row => row.Authorization!.Id == authorizationId)));
    }

    [Fact]
    public async Task Exchange_DefaultLifetime_IsFifteenMinutes()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        var jwt = response.AccessTokenJwt;
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
        Assert.Equal(900, response.Json.GetProperty("expires_in").GetInt32(), tolerance: 1);
    }

    [Fact]
    public async Task Exchange_TokenExpiringSooner_AccessTokenEndsWithIt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        var expiresAt = Factory.Clock.GetUtcNow().AddMinutes(5);
        await TokenSteps.UpdateAsync(Factory, token.Id, stored => stored.ExpiresAt = expiresAt);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.True(response.Status == HttpStatusCode.OK, response.Json.ToString());
        var jwt = response.AccessTokenJwt;
        Assert.True(jwt.ValidTo <= expiresAt.UtcDateTime, $"The access token ends {jwt.ValidTo:O}, after the token's expiry {expiresAt:O}.");
        Assert.True(jwt.ValidTo - jwt.IssuedAt is { TotalSeconds: > 290 and <= 300 }, $"Lifetime {jwt.ValidTo - jwt.IssuedAt}");
    }

    [Fact]
    public async Task Exchange_ScopeSubset_GrantsOnlyThatScope()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id, scopes: ["api", "reports"]);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, scope: "reports");

        Assert.True(response.Status == HttpStatusCode.OK, response.Json.ToString());
        Assert.Equal("reports", response.AccessTokenJwt.GetClaim("scope").Value);
    }

    [Fact]
    public async Task Exchange_ScopeNotOnToken_IsRefusedWithInvalidScope()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id, scopes: ["api"]);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, scope: "api reports");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
        Assert.Contains("reports", response.ErrorDescription);
        Assert.Null(response.AccessToken);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("offline_access")]
    public async Task Exchange_AskingForIdTokenOrRefreshTokenScope_IsRefused(string scope)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, scope: "api " + scope);

        Assert.True((int)response.Status is >= 400 and < 500, response.Json.ToString());
        Assert.Null(response.AccessToken);
        Assert.Null(response.IdToken);
        Assert.Null(response.RefreshToken);
    }

    [Fact]
    public async Task Exchange_ClientPermittedFewerScopes_GrantsOnlyThoseOfTheClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id, scopes: ["api", "reports"]);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: TokenFixture.ApiOnlyClient);

        Assert.True(response.Status == HttpStatusCode.OK, response.Json.ToString());
        Assert.Equal("api", response.AccessTokenJwt.GetClaim("scope").Value);
    }

    [Fact]
    public async Task Exchange_ClientNotAllowedTheGrant_IsRefusedAsUnauthorizedClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: "spa");

        Assert.Equal("unauthorized_client", response.Error);
        Assert.Null(response.AccessToken);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);
    }

    [Fact]
    public async Task Exchange_ConfidentialClientWithoutItsSecret_IsRefusedAsInvalidClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        // The plain form from a confidential client: not answered ahead of OpenIddict, which wants the secret.
        var withoutSecret = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: TokenFixture.ConfidentialClient);
        Assert.Equal("invalid_client", withoutSecret.Error);
        Assert.Null(withoutSecret.AccessToken);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);

        var wrongSecret = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: TokenFixture.ConfidentialClient, clientSecret: "wrong");
        Assert.Equal("invalid_client", wrongSecret.Error);

        var withSecret = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: TokenFixture.ConfidentialClient,
            clientSecret: TokenFixture.ConfidentialClientSecret);
        Assert.Equal(HttpStatusCode.OK, withSecret.Status);
        Assert.Equal(TokenFixture.ConfidentialClient, withSecret.AccessTokenJwt.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task Exchange_UnknownClient_IsRefusedAsInvalidClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret, clientId: "nobody");

        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Exchange_LastAccess_IsRecordedButNotRewrittenWithinAMinute()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);

        var first = Factory.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Status);
        AssertSameMoment(first, (await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);

        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Status);
        AssertSameMoment(first, (await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);

        Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Status);
        AssertSameMoment(Factory.Clock.GetUtcNow(), (await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);
    }

    [Fact]
    public async Task Discovery_ListsThePersonalAccessTokenGrantType()
    {
        using var client = provider.CreateClient();

        var grantTypes = await ResourceServer.GrantTypesSupportedAsync(client.Http);

        Assert.Contains(PersonalAccessTokenProtocol.GrantType, grantTypes);
    }

    /// <summary>PostgreSQL keeps microseconds, .NET ticks: compare to the millisecond.</summary>
    private static void AssertSameMoment(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.True((actual.Value - expected).Duration() < TimeSpan.FromMilliseconds(1), $"Expected {expected:O}, found {actual:O}");
    }
}
