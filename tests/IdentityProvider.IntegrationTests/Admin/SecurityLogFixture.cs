using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider on PostgreSQL with sign-in by personal access token allowed and a public client <c>log-cli</c>
/// allowed the token grant for the <c>api</c> scope, so the security log also sees token use.
/// </summary>
public class SecurityLogFixture : ProviderFixture
{
    public const string TokenClient = "log-cli";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(7, TokenClient, "Log scripts", "api")) { ["Tokens:AllowSignInByToken"] = "true" };
}
