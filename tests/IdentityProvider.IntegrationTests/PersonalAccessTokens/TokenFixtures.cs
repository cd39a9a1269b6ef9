using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// A provider on PostgreSQL with sign-in by token allowed, and two public clients allowed the token grant:
/// <c>cli</c> (scopes api and reports) and <c>cli-api</c> (api only), so the offered scopes are api and reports;
/// and a confidential one, <c>cli-secret</c> (api).
/// </summary>
public class TokenFixture : ProviderFixture
{
    public const string Client = "cli";
    public const string ApiOnlyClient = "cli-api";
    public const string ConfidentialClient = "cli-secret";
    public const string ConfidentialClientSecret = "cli-secret-value";

    protected virtual bool AllowSignInByToken => true;

    // Note: openid and offline_access are never offered for tokens, even to a client that has them.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(3, Client, "Scripts", "api", "reports", "openid", "offline_access")
            .Concat(TestData.TokenClient(4, ApiOnlyClient, null, "api"))
            .Concat(TestData.TokenClient(5, ConfidentialClient, null, "api")))
        {
            ["Seed:Clients:5:ClientSecret"] = ConfidentialClientSecret,
            ["Tokens:AllowSignInByToken"] = AllowSignInByToken ? "true" : "false",
        };
}

/// <summary>The same provider with the provider-wide "Allow sign-in by token" off (the production default).</summary>
public class TokensOffFixture : TokenFixture
{
    protected override bool AllowSignInByToken => false;
}

/// <summary>The same provider on the embedded SQLite database (the default for a single instance).</summary>
public class SqliteTokenFixture : TokenFixture
{
    protected override IdentityProvider.Settings.DatabaseProvider Database => IdentityProvider.Settings.DatabaseProvider.Sqlite;
}
