using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdentityProvider.IntegrationTests.Reliability.Races;

/// <summary>
/// One authorization code and one refresh token, each sent by 50 parallel token requests of the relying party (a
/// leaked code or token replayed from many machines): exactly one request gets tokens, the others a clear
/// <c>invalid_grant</c>, nobody a server error.
/// </summary>
[Collection(nameof(RaceCollection))]
public sealed class ProtocolRaceTests(RaceFixture provider)
{
    // How OpenIddict names the kinds of the tokens it stores.
    private const string CodeType = "urn:openiddict:params:oauth:token-type:authorization_code";
    private const string RefreshTokenType = "urn:ietf:params:oauth:token-type:refresh_token";

    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task FiftyParallelExchangesOfOneAuthorizationCode_ExactlyOneGetsTokens()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var redirect = await UserStories.SignInWithPasswordAsync(client, request, user);

        var results = await Race.RunAsync(Racers.Parallel,
            _ => TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, TestData.WebSecret));

        var winner = AssertOneWinner(results);
        Assert.Equal(user.Id, winner.IdTokenJwt.Subject);
        Assert.Equal("invalid_grant", (await TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, TestData.WebSecret)).Error);
        await AssertNoValidTokenOfKindAsync(user, CodeType);
    }

    [Fact]
    public async Task FiftyParallelRefreshesWithOneRefreshToken_ExactlyOneNewPair()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var first = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));

        var results = await Race.RunAsync(Racers.Parallel,
            _ => TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!));

        var winner = AssertOneWinner(results);
        Assert.NotEqual(first.RefreshToken, winner.RefreshToken);
        Assert.Equal("invalid_grant", (await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!)).Error);
        // One refresh token came from the code and one from the race: no second new pair was issued.
        Assert.Equal(2, await Factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
            .CountAsync(token => token.Subject == user.Id && token.Type == RefreshTokenType)));
    }

    /// <summary>
    /// The user's stored tokens of one kind: none is still valid. Note: the losers are replays, and a replay ends the
    /// chain (README: a spent code or refresh token presented again revokes what it issued); how much of the winner's
    /// new chain that reaches depends on which replay came when, so only the spent token is asserted here.
    /// </summary>
    private async Task AssertNoValidTokenOfKindAsync(TestUser user, string kind)
    {
        var statuses = await Factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(token => token.Subject == user.Id && token.Type == kind).Select(token => token.Status).ToListAsync());
        Assert.NotEmpty(statuses);
        Assert.DoesNotContain("valid", statuses);
    }

    private static TokenResponse AssertOneWinner(TokenResponse[] results)
    {
        Racers.AssertNoServerError(results.Select(result => ((int)result.Status, "/connect/token")));
        var winners = results.Where(result => result.Status == HttpStatusCode.OK).ToList();
        Assert.True(winners.Count == 1, $"{winners.Count} of {Racers.Parallel} parallel token requests got tokens.");
        Assert.All(results.Where(result => result.Status != HttpStatusCode.OK), result =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, result.Status);
            Assert.Equal("invalid_grant", result.Error);
            Assert.Null(result.AccessToken);
        });
        return winners[0];
    }
}
