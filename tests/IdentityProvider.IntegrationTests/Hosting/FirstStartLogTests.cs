using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.Hosting;

/// <summary>
/// A newcomer's first start (<c>dotnet run</c>: a new SQLite database, development keys): a clean log, with one line
/// saying where the Data Protection keys are kept instead of a warning for each, and no migration warning.
/// </summary>
public sealed class FirstStartLogTests(SqliteProviderFixture provider) : IClassFixture<SqliteProviderFixture>
{
    [Fact]
    public async Task FirstStartOnSqlite_LogsNoWarning_AndSaysOnceWhereTheKeysAre()
    {
        using var client = provider.CreateClient();
        await LoginPage.OpenAsync(client); // a page with a form: the first Data Protection key is made now

        var lines = provider.Factory.Logs.Lines;

        Assert.DoesNotContain(lines, line => line.Contains("cannot be executed in a transaction", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("No XML encryptor configured", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("Data Protection keys are kept unencrypted in the database", StringComparison.Ordinal));
    }
}
