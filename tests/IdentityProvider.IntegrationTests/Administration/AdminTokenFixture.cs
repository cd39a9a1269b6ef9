using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Administration;

/// <summary>
/// A provider with sign-in by token allowed and a public client <c>admin-cli</c> allowed the token grant with the
/// scopes <c>api</c> and <c>idp.admin</c>, so a personal access token may carry the admin API's scope.
/// </summary>
public class AdminTokenFixture : ProviderFixture
{
    public const string Client = "admin-cli";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tokens:AllowSignInByToken"] = "true",
        // Index 4: the seeded admin-service client (index 3) stays.
        ["Seed:Clients:4:ClientId"] = Client,
        ["Seed:Clients:4:DisplayName"] = "Admin scripts",
        ["Seed:Clients:4:GrantTypes:0"] = "personal_access_token",
        ["Seed:Clients:4:Scopes:0"] = "api",
        ["Seed:Clients:4:Scopes:1"] = "idp.admin",
    };
}
