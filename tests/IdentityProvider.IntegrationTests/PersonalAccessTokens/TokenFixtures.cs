using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// A provider on PostgreSQL with sign-in by token allowed, and two public clients allowed the token grant:
/// <c>cli</c> (scopes api and reports) and <c>cli-api</c> (api only), so the offered scopes are api and reports.
/// </summary>
public class TokenFixture : ProviderFixture
{
    public const string Client = "cli";
    public const string ApiOnlyClient = "cli-api";

    protected virtual bool AllowSignInByToken => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tokens:AllowSignInByToken"] = AllowSignInByToken ? "true" : "false",
        ["Seed:Clients:3:ClientId"] = Client,
        ["Seed:Clients:3:DisplayName"] = "Scripts",
        ["Seed:Clients:3:GrantTypes:0"] = "personal_access_token",
        ["Seed:Clients:3:Scopes:0"] = "api",
        ["Seed:Clients:3:Scopes:1"] = "reports",
        // openid and offline_access are never offered for tokens, even to a client that has them.
        ["Seed:Clients:3:Scopes:2"] = "openid",
        ["Seed:Clients:3:Scopes:3"] = "offline_access",
        ["Seed:Clients:4:ClientId"] = ApiOnlyClient,
        ["Seed:Clients:4:GrantTypes:0"] = "personal_access_token",
        ["Seed:Clients:4:Scopes:0"] = "api",
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
