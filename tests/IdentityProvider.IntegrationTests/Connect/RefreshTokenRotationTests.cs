using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>Refresh tokens rotate: each refresh returns a new one, and the spent one is no longer accepted.</summary>
public class RefreshTokenRotationTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task Refresh_ValidRefreshToken_ReturnsNewRefreshIdAndAccessTokens()
    {
        using var client = provider.CreateClient();
        var first = await UserStories.AliceTokensAsync(client);

        var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);

        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Json.ToString());
        Assert.False(string.IsNullOrEmpty(refreshed.RefreshToken));
        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal("at+jwt", refreshed.AccessTokenJwt.Typ);
        Assert.Equal(first.IdTokenJwt.Subject, refreshed.IdTokenJwt.Subject);
        Assert.Equal(first.IdTokenJwt.Subject, refreshed.AccessTokenJwt.Subject);
        // The refreshed id_token still tells how and when the user signed in.
        Assert.Equal(first.IdTokenJwt.GetClaim("auth_time").Value, refreshed.IdTokenJwt.GetClaim("auth_time").Value);
        Assert.Equal("pwd", refreshed.Acr);
    }

    [Fact]
    public async Task Refresh_RotatedRefreshTokenReused_FailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var first = await UserStories.AliceTokensAsync(client);
        var rotated = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);

        var reused = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);

        Assert.True(reused.Status == HttpStatusCode.BadRequest, $"The spent refresh token was accepted again ({(int)reused.Status}), answering: {string.Join(", ", reused.Json.EnumerateObject().Select(field => field.Name))}");
        Assert.Equal("invalid_grant", reused.Error);
        Assert.Null(reused.AccessToken);
    }

    [Fact]
    public async Task Refresh_RotatedRefreshTokenReusedAfterLeeway_FailsAndRevokesItsSuccessor()
    {
        using var client = provider.CreateClient();
        var first = await UserStories.AliceTokensAsync(client);
        var rotated = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var reused = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);
        var successor = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, rotated.RefreshToken!);

        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("invalid_grant", reused.Error);
        // Note: a replayed refresh token means one of its holders is an attacker, so the whole chain ends.
        Assert.Equal(HttpStatusCode.BadRequest, successor.Status);
        Assert.Equal("invalid_grant", successor.Error);
    }

    [Fact]
    public async Task Refresh_RefreshTokenOfAnotherClient_FailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var first = await UserStories.AliceTokensAsync(client);

        var stolen = await TokenResponse.RefreshAsync(client.Http, "service", TestData.ServiceSecret, first.RefreshToken!);

        Assert.True((int)stolen.Status is >= 400 and < 500, stolen.Json.ToString());
        Assert.NotNull(stolen.Error);
        Assert.Null(stolen.AccessToken);
    }
}
