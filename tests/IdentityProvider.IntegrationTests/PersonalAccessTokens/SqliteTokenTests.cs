using System.Net;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>The main token journey on SQLite, whose dates are stored as numbers: expiry, last access and label checks still hold.</summary>
public class SqliteTokenTests(SqliteTokenFixture provider) : IClassFixture<SqliteTokenFixture>
{
    [Fact]
    public async Task TokenJourney_OnSqlite_CreateExchangeRecordRevoke()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var secret = (await TokenSteps.CreateAsync(client, "sqlite")).NewToken;
        Assert.NotNull(secret);
        Assert.Contains("already have an active token", (await TokenSteps.CreateAsync(client, "sqlite")).Alerts);

        var exchange = await TokenSteps.ExchangeAsync(client.Http, secret);
        Assert.True(exchange.Status == HttpStatusCode.OK, exchange.Json.ToString());
        var stored = Assert.Single(await TokenSteps.ReadAllAsync(provider.Factory, user.Id));
        Assert.NotNull(stored.LastUsedAt);

        Assert.True(await TokenSteps.RevokeAsync(provider.Factory, user.Id, stored.Id));
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(client.Http, secret)).Error);
        Assert.False(ResourceServer.IsActive(await ResourceServer.IntrospectAsync(client.Http, exchange.AccessToken!)));
        Assert.NotNull((await TokenSteps.CreateAsync(client, "sqlite")).NewToken);
    }

    [Fact]
    public async Task Exchange_ExpiredTokenOnSqlite_IsRefused()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        await TokenSteps.UpdateAsync(provider.Factory, token.Id, stored => stored.ExpiresAt = provider.Factory.Clock.GetUtcNow().AddSeconds(-1));
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.Equal("invalid_grant", response.Error);
        Assert.Contains("expired", response.ErrorDescription);
    }
}
