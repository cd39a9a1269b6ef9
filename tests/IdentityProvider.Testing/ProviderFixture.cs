using IdentityProvider.Settings;
using Xunit;

namespace IdentityProvider.Testing;

/// <summary>
/// A started provider on a database of its own, shared by the tests of one class (xunit class fixture).
/// PostgreSQL unless a subclass says otherwise; subclasses also add settings.
/// </summary>
public class ProviderFixture : IAsyncLifetime
{
    private ProviderFactory? factory;

    public ProviderFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    protected virtual DatabaseProvider Database => DatabaseProvider.Postgres;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public ProviderClient CreateClient() => Factory.CreateProviderClient();

    public virtual async Task InitializeAsync()
    {
        var connectionString = Database == DatabaseProvider.Postgres
            ? await SharedPostgres.CreateDatabaseAsync(GetType().Name)
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"idp-test-{Guid.NewGuid():N}.db")}";
        factory = new ProviderFactory(Database, connectionString, Settings);
        _ = factory.Server; // starts the host: migrations, keys and seeding happen now
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>The same provider on the embedded SQLite database.</summary>
public class SqliteProviderFixture : ProviderFixture
{
    protected override DatabaseProvider Database => DatabaseProvider.Sqlite;
}
