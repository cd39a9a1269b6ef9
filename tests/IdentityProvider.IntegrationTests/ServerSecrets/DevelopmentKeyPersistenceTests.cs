using System.Net;
using System.Text.Json;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.ServerSecrets;

/// <summary>
/// Development keys are generated once and kept in the database: a restart (or a second instance on the
/// same database) publishes the same JWKS, so tokens issued before still validate.
/// </summary>
public class DevelopmentKeyPersistenceTests
{
    [Fact]
    public async Task SigningKeys_SecondInstanceOnSameDatabase_PublishesSameKeysAndValidatesEarlierToken()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync(nameof(DevelopmentKeyPersistenceTests));
        string firstJwks;
        string accessToken;
        await using (var first = new ProviderFactory(DatabaseProvider.Postgres, connectionString))
        {
            using var client = first.CreateProviderClient();
            accessToken = (await UserStories.AliceTokensAsync(client)).AccessToken!;
            firstJwks = await client.Http.GetStringAsync("/.well-known/jwks");
        }

        await using var second = new ProviderFactory(DatabaseProvider.Postgres, connectionString);
        using var secondClient = second.CreateProviderClient();
        var secondJwks = await secondClient.Http.GetStringAsync("/.well-known/jwks");

        Assert.Equal(KeyIds(firstJwks), KeyIds(secondJwks));
        var validation = await ResourceServer.ValidateAsync(accessToken, secondJwks);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task SigningKeys_SecondInstanceOnSameDatabase_AcceptsEarlierRefreshToken()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync(nameof(DevelopmentKeyPersistenceTests) + "_refresh");
        string refreshToken;
        await using (var first = new ProviderFactory(DatabaseProvider.Postgres, connectionString))
        {
            using var client = first.CreateProviderClient();
            refreshToken = (await UserStories.AliceTokensAsync(client)).RefreshToken!;
        }

        // Note: refresh tokens are encrypted with the kept encryption key, so a restart must not void them.
        await using var second = new ProviderFactory(DatabaseProvider.Postgres, connectionString);
        using var secondClient = second.CreateProviderClient();
        var refreshed = await TokenResponse.RefreshAsync(secondClient.Http, "web", TestData.WebSecret, refreshToken);

        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Json.ToString());
        Assert.NotNull(refreshed.AccessToken);
    }

    private static List<string> KeyIds(string jwks) =>
        [.. JsonDocument.Parse(jwks).RootElement.GetProperty("keys").EnumerateArray()
            .Select(key => key.GetProperty("kid").GetString() ?? "").Order(StringComparer.Ordinal)];
}
