using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider with sign-in by token allowed and a public client <c>admin-cli</c> allowed the token grant with the
/// scopes <c>api</c> and <c>idp.admin</c>, so a personal access token may carry the admin API's scope.
/// </summary>
public class AdminTokenFixture : ProviderFixture
{
    public const string Client = "admin-cli";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(4, Client, "Admin scripts", "api", "idp.admin")) { ["Tokens:AllowSignInByToken"] = "true" };
}
