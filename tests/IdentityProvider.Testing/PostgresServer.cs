using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace IdentityProvider.Testing;

/// <summary>
/// A throwaway PostgreSQL server for integration tests: the server named by
/// <c>IDP_TEST_POSTGRES</c>, else a Testcontainers container when a Docker engine answers,
/// else a local cluster started from the PostgreSQL binaries.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "IDP_TEST_POSTGRES";

    private readonly Func<ValueTask> stop;
    private readonly bool shared;
    private readonly ConcurrentBag<string> databases = [];
    private LocalCluster? cluster;
    private int disposed;

    private PostgresServer(string adminConnectionString, Func<ValueTask> stop, bool shared)
    {
        AdminConnectionString = adminConnectionString;
        this.stop = stop;
        this.shared = shared;
    }

    /// <summary>How <see cref="StopAsync"/> shuts the server down (<c>pg_ctl stop -m</c>).</summary>
    public enum StopMode
    {
        /// <summary>Sessions are ended with an administrator-shutdown error, then the server stops.</summary>
        Fast,

        /// <summary>Every process quits at once, as on a crash; the next start recovers from the WAL.</summary>
        Immediate,
    }

    /// <summary>Connection string of a superuser on the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, () => ValueTask.CompletedTask, shared: true);
        }

        List<string> tried = [$"{ConnectionStringVariable} is not set"];
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock"))
        {
            try
            {
                return await StartContainerAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                tried.Add($"Docker (Testcontainers): {e.Message}");
            }
        }
        else
        {
            tried.Add("Docker: DOCKER_HOST is not set and /var/run/docker.sock does not exist");
        }

        try
        {
            return await StartLocalClusterAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            tried.Add($"local cluster: {e.Message}");
            throw new InvalidOperationException(
                "Could not start a PostgreSQL server for the tests. Tried:\n- " + string.Join("\n- ", tried) +
                "\nInstall the Debian package `postgresql-15` (apt-get install postgresql-15), start a Docker engine, " +
                $"or set {ConnectionStringVariable} to a connection string of a server the tests may create databases in.", e);
        }
    }

    /// <summary>
    /// A local cluster of the caller's own (never <c>IDP_TEST_POSTGRES</c>, never the shared server), which a test may
    /// stop and start again on the same port and data directory to play a database outage.
    /// </summary>
    public static async Task<PostgresServer> StartStoppableAsync(CancellationToken ct = default)
    {
        try
        {
            return await StartLocalClusterAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                "A test that stops its database needs the PostgreSQL binaries (initdb, pg_ctl: Debian package `postgresql-15`) " +
                $"for a cluster of its own: {e.Message}", e);
        }
    }

    /// <summary>Stops a server from <see cref="StartStoppableAsync"/>; its connections fail until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync(StopMode mode = StopMode.Fast) =>
        Cluster.PgCtlAsync("-D", Cluster.Data, "-m", mode == StopMode.Fast ? "fast" : "immediate", "-w", "stop");

    /// <summary>Starts a stopped server again on the same port and data directory; returns once it accepts connections.</summary>
    public Task StartAgainAsync() => Cluster.StartAsync(CancellationToken.None);

    private LocalCluster Cluster => cluster ?? throw new InvalidOperationException("Only a server from StartStoppableAsync can be stopped and started.");

    /// <summary>
    /// Creates a fresh empty database and returns its connection string. <paramref name="name"/> is a
    /// readable prefix: a random suffix keeps names unique, even on a server shared by parallel runs.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        var prefix = UnsafeNameChars().Replace((name ?? "idp_test").ToLowerInvariant(), "_");
        // Why: PostgreSQL truncates identifiers at 63 bytes, so cap the prefix.
        var database = $"{prefix[..Math.Min(prefix.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        databases.Add(database);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // Why: a shared server outlives the tests, so remove what we created; our own servers go away whole.
        if (shared)
        {
            foreach (var database in databases)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }

        await stop();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartContainerAsync(CancellationToken ct)
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=1000")
            .Build();
        try
        {
            await container.StartAsync(ct);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        return new PostgresServer(container.GetConnectionString(), container.DisposeAsync, shared: false);
    }

    private static async Task<PostgresServer> StartLocalClusterAsync(CancellationToken ct)
    {
        var bin = FindBinDirectory()
            ?? throw new InvalidOperationException("initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin");
        await StopOrphanedClustersAsync(bin);
        var root = Directory.CreateTempSubdirectory(ClusterFolderPrefix).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
            var cluster = new LocalCluster(bin, root);
            if (cluster.AsRoot)
            {
                await ProcessRunner.RunAsync("chown", ["postgres:postgres", root], root, ct);
            }

            // Why: trust auth and no fsync: the data is thrown away, speed matters more than durability.
            await cluster.RunAsync("initdb", ct, "-D", cluster.Data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C");
            for (var attempt = 1; ; attempt++)
            {
                cluster.Port = FreePort.Next();
                try
                {
                    await cluster.StartAsync(ct);
                    var admin = $"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres";
                    return new PostgresServer(admin, async () =>
                    {
                        try
                        {
                            await cluster.PgCtlAsync("-D", cluster.Data, "-m", "immediate", "stop");
                        }
                        catch (InvalidOperationException)
                        {
                            // Why: a test may leave its server stopped; the folder goes all the same.
                        }
                        finally
                        {
                            Directory.Delete(root, recursive: true);
                        }
                    }, shared: false)
                    { cluster = cluster };
                }
                catch (InvalidOperationException) when (attempt == 1)
                {
                    // Why: another process may take the free port before the server binds it; one retry covers that.
                }
                catch (InvalidOperationException e)
                {
                    var serverLog = File.Exists(cluster.Log) ? File.ReadAllText(cluster.Log) : "(no server log)";
                    throw new InvalidOperationException($"{e.Message}\nServer log:\n{serverLog}", e);
                }
            }
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private const string ClusterFolderPrefix = "idp-pg-";

    /// <summary>The id of the process that started a local cluster, in the cluster's folder.</summary>
    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and removes the local clusters of test processes that ended without stopping theirs (a test host that
    /// is killed skips ProcessExit): such a server runs on, holding what its starter had open, a build lock among them.
    /// </summary>
    private static async Task StopOrphanedClustersAsync(string bin)
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), ClusterFolderPrefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var ownerId) || IsRunning(ownerId))
            {
                continue;
            }

            try
            {
                var cluster = new LocalCluster(bin, root);
                if (File.Exists(Path.Combine(cluster.Data, "postmaster.pid")))
                {
                    await cluster.PgCtlAsync("-D", cluster.Data, "-m", "immediate", "stop");
                }

                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Why: only tidying; another test process may be removing the same cluster at the same moment.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Why: PATH first (the caller's choice), then the newest Debian-installed major version.
    private static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => double.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(debian)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex UnsafeNameChars();

    /// <summary>A cluster in a temporary folder, run by the PostgreSQL binaries (as the postgres user when we are root).</summary>
    private sealed class LocalCluster(string bin, string root)
    {
        public string Data { get; } = Path.Combine(root, "data");

        public string Log { get; } = Path.Combine(root, "server.log");

        // Why: PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
        public bool AsRoot { get; } = Environment.UserName == "root";

        public int Port { get; set; }

        public Task StartAsync(CancellationToken ct) =>
            RunAsync("pg_ctl", ct, "-D", Data, "-l", Log, "-w", "start", "-o",
                $"-p {Port} -k '{root}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                "-c full_page_writes=off -c max_connections=1000");

        public Task PgCtlAsync(params string[] args) => RunAsync("pg_ctl", CancellationToken.None, args);

        public Task<string> RunAsync(string tool, CancellationToken ct, params string[] args)
        {
            string[] command = [.. CloseInheritedDescriptors, Path.Combine(bin, tool), .. args];
            return AsRoot
                ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", .. command], root, ct)
                : ProcessRunner.RunAsync(command[0], command[1..], root, ct);
        }

        /// <summary>
        /// Why: the server outlives this call, and would keep every descriptor the test run inherited, such as the build
        /// lock a developer's <c>flock</c> holds (a cluster left running then blocked every later build); the shell
        /// closes them before the tool starts.
        /// </summary>
        private static readonly string[] CloseInheritedDescriptors =
            ["/bin/sh", "-c", "exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec \"$0\" \"$@\""];
    }
}
