using System.Net;
using IdentityProvider.IntegrationTests.Accounts;
using IdentityProvider.IntegrationTests.TwoStep;
using static IdentityProvider.IntegrationTests.Foundation.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>The main token journey on SQLite, whose dates are stored as numbers: expiry, last access and label checks still hold.</summary>
public class SqliteTokenTests(SqliteTokenFixture provider) : IClassFixture<SqliteTokenFixture>
{
    [Fact]
    public async Task TokenJourney_OnSqlite_CreateExchangeRecordRevoke()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var secret = TokenSteps.ShownToken(await TokenSteps.CreateAsync(client, "sqlite"));
        Assert.NotNull(secret);
        Assert.Contains("already have an active token", AccountSteps.AlertText(await TokenSteps.CreateAsync(client, "sqlite")));

        var exchange = await TokenSteps.ExchangeAsync(client.Http, secret);
        Assert.True(exchange.Status == HttpStatusCode.OK, exchange.Json.ToString());
        var stored = Assert.Single(await TokenSteps.ReadAllAsync(provider.Factory, user.Id));
        Assert.NotNull(stored.LastUsedAt);

        Assert.True(await TokenSteps.RevokeAsync(provider.Factory, user.Id, stored.Id));
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(client.Http, secret)).Error);
        Assert.False(IsActive(await IntrospectAsync(client.Http, exchange.AccessToken!, "service", IdentityProvider.Testing.TestData.ServiceSecret)));
        Assert.NotNull(TokenSteps.ShownToken(await TokenSteps.CreateAsync(client, "sqlite")));
    }

    [Fact]
    public async Task Exchange_ExpiredTokenOnSqlite_IsRefused()
    {
        var user = await TwoStepSteps.CreateUserAsync(provider.Factory);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        await TokenSteps.UpdateAsync(provider.Factory, token.Id, stored => stored.ExpiresAt = provider.Factory.Clock.GetUtcNow().AddSeconds(-1));
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.Equal("invalid_grant", response.Error);
        Assert.Contains("expired", response.ErrorDescription);
    }
}
