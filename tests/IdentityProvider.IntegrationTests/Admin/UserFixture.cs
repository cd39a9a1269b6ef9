using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider on PostgreSQL with sign-in by token allowed and a public client <c>cli</c> allowed the token
/// grant (scope api), so a test can show that a disabled user's personal access token is refused.
/// </summary>
public class UserFixture : ProviderFixture
{
    public const string TokenClient = "cli";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(4, TokenClient, "Scripts", "api")) { ["Tokens:AllowSignInByToken"] = "true" };
}

/// <summary>A provider of its own whose only administrator is the seeded Alice (for the last-administrator rule).</summary>
public sealed class LastAdministratorFixture : ProviderFixture;
