namespace IdentityProvider.Testing;

/// <summary>
/// One throwaway PostgreSQL server per test process; each test class takes a database of its own.
/// It is stopped when the test process exits.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync(string name) => await (await Server.Value).CreateDatabaseAsync(name);

    /// <summary>A superuser's connection string to the server (started if it was not), e.g. to dump every database.</summary>
    public static async Task<string> AdminConnectionStringAsync() => (await Server.Value).AdminConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
