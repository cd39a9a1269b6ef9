namespace IdentityProvider.Hosting.Settings;

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

        return new DatabaseSettings(provider, connectionString, SettingsReader.Bool(section, "MigrateOnStart", true));
    }
}
