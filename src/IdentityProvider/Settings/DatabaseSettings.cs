using Npgsql;

namespace IdentityProvider.Settings;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Database:*</c> and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStart)
{
    public static DatabaseSettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Database");
        var provider = SettingsReader.Enum(section, "Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidConfigurationException("ConnectionStrings:Default", "is required when Database:Provider is Postgres.");
            }

            // The embedded default: a file in the app's data folder, created on first start.
            var dataFolder = Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "identityprovider.db")}";
        }

        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = WithPostgresDefaults(connectionString);
        }

        return new DatabaseSettings(provider, connectionString, SettingsReader.Bool(section, "MigrateOnStart", true));
    }

    /// <summary>
    /// Two defaults for the token exchange's query per request, each unless the connection string chooses it:
    /// statements prepared on the server once per connection (PostgreSQL skips parsing and planning the hot
    /// queries), and no reset of a pooled connection's session when it goes back to the pool (the reset, DISCARD
    /// ALL's parts but the one dropping prepared statements, runs with every next query; without it the exchange
    /// serves more requests, README: Benchmarks). Safe because the provider keeps no session state: no SET,
    /// LISTEN, temporary table or advisory lock outlives a command. Note: a PgBouncer in transaction mode older
    /// than 1.21 needs <c>Max Auto Prepare=0</c>.
    /// </summary>
    private static string WithPostgresDefaults(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidConfigurationException("ConnectionStrings:Default", $"is not a valid PostgreSQL connection string ({exception.Message}).");
        }

        // Note: the builder knows every keyword, set or not; the operator's own keys tell whether one was chosen.
        var chosen = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!chosen.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!chosen.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
