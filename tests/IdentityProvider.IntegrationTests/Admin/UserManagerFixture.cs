using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider for the user-manager tests: sign-in by token allowed, a public client <c>um-cli</c> allowed the token grant
/// with <c>api</c>, <c>idp.admin</c> and <c>idp.users</c>, and a service client <c>user-desk</c> with client credentials
/// and the scope <c>idp.users</c> alone.
/// </summary>
public sealed class UserManagerFixture : ProviderFixture
{
    public const string TokenClient = "um-cli";
    public const string DeskClient = "user-desk";
    public const string DeskSecret = "user-desk-secret-value";
    public const string UsersScope = "idp.users";

    static UserManagerFixture() => SuiteSecrets.Remember(SuiteSecrets.ClientSecret, DeskSecret);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(4, TokenClient, "User desk scripts", "api", "idp.admin", UsersScope))
        {
            ["Tokens:AllowSignInByToken"] = "true",
            ["Seed:Clients:5:ClientId"] = DeskClient,
            ["Seed:Clients:5:ClientSecret"] = DeskSecret,
            ["Seed:Clients:5:GrantTypes:0"] = "client_credentials",
            ["Seed:Clients:5:Scopes:0"] = UsersScope,
        };
}
