using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Npgsql;

namespace IdentityProvider.IntegrationTests.Hosting;

/// <summary>/health/live answers while the process runs; /health/ready only while the database answers.</summary>
public class HealthTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task Live_Running_Returns200()
    {
        using var client = provider.CreateClient();

        using var response = await client.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseUp_Returns200()
    {
        using var client = provider.CreateClient();

        using var response = await client.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A provider whose database the test takes away after the start.</summary>
public sealed class DroppableDatabaseFixture : IAsyncLifetime
{
    private ProviderFactory? factory;

    public ProviderFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await SharedPostgres.CreateDatabaseAsync(nameof(DroppableDatabaseFixture));
        factory = new ProviderFactory(IdentityProvider.Settings.DatabaseProvider.Postgres, ConnectionString);
        _ = factory.Server;
    }

    /// <summary>Drops the provider's database, closing its connections: as if the server went away.</summary>
    public async Task DropDatabaseAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>Fail closed: without the database the provider is not ready and accepts nothing.</summary>
public class HealthWithoutDatabaseTests(DroppableDatabaseFixture provider) : IClassFixture<DroppableDatabaseFixture>
{
    [Fact]
    public async Task Ready_DatabaseGone_Returns503_SignInFailsClosed()
    {
        using var client = provider.Factory.CreateProviderClient();
        var login = await LoginPage.OpenAsync(client);
        Assert.Equal(HttpStatusCode.OK, login.Status);

        await provider.DropDatabaseAsync();

        using var ready = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var live = await client.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var signIn = await login.SignInAsync("alice@example.com", TestData.AlicePassword);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.Status);
        Assert.DoesNotContain("Exception", signIn.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", signIn.Body, StringComparison.Ordinal);
    }
}
