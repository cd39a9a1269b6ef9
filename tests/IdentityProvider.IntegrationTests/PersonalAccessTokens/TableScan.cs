using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>Reads whole tables as text (PostgreSQL's row-to-text), to prove a secret is stored nowhere.</summary>
internal static class TableScan
{
    private static readonly string[] Tables = ["PersonalAccessTokens", "SecurityEvents", "OpenIddictAuthorizations", "OpenIddictTokens"];

    public static async Task AssertNowhereAsync(ProviderFactory factory, string secret)
    {
        // The random part alone, too: a stored token without its prefix would still be usable.
        var random = secret[IdentityProvider.PersonalAccessTokens.PersonalAccessTokenFormat.Prefix.Length..];
        foreach (var table in Tables)
        {
            // Table names come from the constant list above, never from input.
            var sql = "SELECT t::text AS \"Value\" FROM \"" + table + "\" t";
            var rows = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
            Assert.DoesNotContain(rows, row => row.Contains(random, StringComparison.Ordinal));
        }
    }
}
