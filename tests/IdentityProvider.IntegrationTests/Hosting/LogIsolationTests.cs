using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.Hosting;

/// <summary>
/// Each provider's log goes to its own loggers: two providers in one process (as in every test run) must not
/// write into each other's capture, and stopping one must not silence the other. Otherwise a log-based proof,
/// such as "no secret in any log line", looks at the wrong lines.
/// </summary>
public class LogIsolationTests
{
    [Fact]
    public async Task Logs_TwoProvidersInOneProcess_EachCapturesOnlyItsOwnRequests()
    {
        await using var first = StartSqliteProvider();
        await using var second = StartSqliteProvider();
        using var firstClient = first.CreateProviderClient();
        using var secondClient = second.CreateProviderClient();

        await firstClient.GetAsync("/health/live?first");
        await secondClient.GetAsync(LoginPage.Path);

        Assert.Contains(first.Logs.Lines, line => line.Contains("/health/live", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains("/health/live", StringComparison.Ordinal));
        Assert.Contains(second.Logs.Lines, line => line.Contains(LoginPage.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(first.Logs.Lines, line => line.Contains(LoginPage.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_OtherProviderStopped_FirstProviderStillLogs()
    {
        await using var first = StartSqliteProvider();
        var second = StartSqliteProvider();
        await second.DisposeAsync();
        using var client = first.CreateProviderClient();

        await client.GetAsync(LoginPage.Path);

        Assert.Contains(first.Logs.Lines, line => line.Contains(LoginPage.Path, StringComparison.Ordinal));
    }

    private static ProviderFactory StartSqliteProvider()
    {
        var factory = new ProviderFactory(
            DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"idp-log-test-{Guid.NewGuid():N}.db")}");
        _ = factory.Server;
        return factory;
    }
}
