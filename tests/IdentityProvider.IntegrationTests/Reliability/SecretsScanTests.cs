using IdentityProvider.IntegrationTests.Email;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Npgsql;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>A provider with mail (for a reset link) on which users may create personal access tokens.</summary>
public sealed class SecretsScanFixture : MailProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings.Concat(TestData.TokenClient(3, "cli", "Scripts", "api")))
        {
            ["Tokens:AllowSignInByToken"] = "true",
        };
}

/// <summary>Runs alone and last (<see cref="SecretsScanOrderer"/>): after every other test of the run has finished.</summary>
[CollectionDefinition(nameof(SecretsScanCollection), DisableParallelization = true)]
public sealed class SecretsScanCollection;

/// <summary>
/// Every secret the whole run used (passwords, OTP seeds in Base32, hex and Base64, recovery codes, personal access
/// tokens, reset-link codes and client secrets, as <see cref="SuiteSecrets"/> collected them) is looked for in a
/// data dump of every database of the shared PostgreSQL server and in every log line every provider of the run
/// wrote (<see cref="LogCapture.RunLines"/>): none may be there in clear. Hashes and Data Protection-encrypted
/// seeds do not match, so only a secret kept or logged as it is shows up. Not covered: the SQLite databases of the
/// few SQLite tests, and log lines written outside a provider. Run alone, it still checks a secret of every kind
/// that it makes itself.
/// </summary>
[Collection(nameof(SecretsScanCollection))]
public sealed class SecretsScanTests(SecretsScanFixture provider) : IClassFixture<SecretsScanFixture>
{
    [Fact]
    public async Task WholeRun_DatabaseDumpAndEveryLogLine_HoldNoSecretInClear()
    {
        var email = await UseASecretOfEveryKindAsync();
        var secrets = SuiteSecrets.All;
        foreach (var kind in new[] { SuiteSecrets.Password, $"{SuiteSecrets.OtpSeed} (Base32)", SuiteSecrets.RecoveryCode, SuiteSecrets.PersonalAccessToken, SuiteSecrets.ResetLink, SuiteSecrets.ClientSecret })
        {
            Assert.Contains(kind, secrets.Values);
        }

        var dumps = await DumpEveryDatabaseAsync();
        var lines = LogCapture.RunLines;
        // The dumps cover the run's databases (this provider's user is in one), and the run's log lines are there.
        Assert.Contains(dumps.Values, dump => dump.Contains(email, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/connect/token", StringComparison.Ordinal));
        var finder = new SecretFinder(secrets);
        // The finder finds: a line holding this run's secret is reported, with its kind.
        Assert.Contains(SuiteSecrets.Password, Assert.Single(finder.InLogLines([$"control {TestData.AlicePassword}."])));

        var found = dumps.SelectMany(dump => finder.InDump(dump.Key, dump.Value)).Concat(finder.InLogLines(lines)).Distinct().ToList();

        Assert.True(found.Count == 0,
            $"{found.Count} secrets found in clear (looking for {secrets.Count:N0} the run used, in {dumps.Count} databases and {lines.Count:N0} log lines):\n"
            + string.Join("\n", found.Take(20)));
    }

    /// <summary>A user with a password, a TOTP seed, recovery codes, a personal access token and a reset link; the web client's secret used. Its e-mail.</summary>
    private async Task<string> UseASecretOfEveryKindAsync()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        await UserStories.GenerateRecoveryCodesAsync(provider.Factory, user.Id);
        Assert.NotNull((await (await CreateTokenPage.OpenAsync(client)).SubmitAsync(TokenForm.Valid("scan"))).NewToken);
        using var anonymous = provider.CreateClient();
        await MailStories.RequestResetLinkAsync(anonymous, provider.Mail, user.Email);
        using var web = provider.CreateClient();
        await UserStories.AliceTokensAsync(web);
        return user.Email;
    }

    /// <summary>
    /// The data of every database on the test server, as <c>pg_dump --data-only</c> writes it, by database name (a
    /// few dumps at a time: a full run leaves well over a hundred databases).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> DumpEveryDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(await SharedPostgres.AdminConnectionStringAsync());
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var pgDump = PgTool("pg_dump");
        var dumps = new Dictionary<string, string>();
        foreach (var batch in names.Chunk(4))
        {
            var texts = await Task.WhenAll(batch.Select(name => ProcessRunner.RunAsync(pgDump,
                ["--data-only", "--no-password", $"--dbname={LibpqConnection(admin, name)}"])));
            for (var i = 0; i < batch.Length; i++)
            {
                dumps[batch[i]] = texts[i];
            }
        }

        return dumps;
    }

    private static string LibpqConnection(NpgsqlConnectionStringBuilder admin, string database) =>
        $"host={admin.Host} port={admin.Port} user={admin.Username} dbname='{database}'"
        + (string.IsNullOrEmpty(admin.Password) ? "" : $" password='{admin.Password}'");

    // Why: PATH first, then the newest Debian-installed major version (as the test server itself is found).
    private static string PgTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(folder => Path.Combine(folder, "bin"))
            : [];
        return onPath.Concat(debian).Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{tool} was found neither on PATH nor in /usr/lib/postgresql/*/bin.");
    }
}
