using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Administration;

/// <summary>
/// A provider on PostgreSQL with sign-in by personal access token allowed and a public client <c>log-cli</c>
/// allowed the token grant for the <c>api</c> scope, so the security log also sees token use.
/// </summary>
public class SecurityLogFixture : ProviderFixture
{
    public const string TokenClient = "log-cli";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tokens:AllowSignInByToken"] = "true",
        // Index 7: beyond the clients TestData seeds, so they stay as they are.
        ["Seed:Clients:7:ClientId"] = TokenClient,
        ["Seed:Clients:7:DisplayName"] = "Log scripts",
        ["Seed:Clients:7:GrantTypes:0"] = "personal_access_token",
        ["Seed:Clients:7:Scopes:0"] = "api",
    };
}
