using IdentityProvider.Settings;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.AccountOverview;

/// <summary>A provider on PostgreSQL where users may create personal access tokens (scope api), so the overview shows them.</summary>
public class AccountOverviewFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(3, "cli", null, "api")) { ["Tokens:AllowSignInByToken"] = "true" };
}

/// <summary>The same on the embedded SQLite database (moments stored as ticks there: ordering and "latest" must still work).</summary>
public sealed class SqliteAccountOverviewFixture : AccountOverviewFixture
{
    protected override DatabaseProvider Database => DatabaseProvider.Sqlite;
}
