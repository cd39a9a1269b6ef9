using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>A provider with a confidential client <c>no-impersonation</c> seeded with <c>RefusesImpersonation</c> set.</summary>
public sealed class RefusingClientFixture : ProviderFixture
{
    public const string SeededClient = "no-impersonation";
    public const string SeededSecret = "no-impersonation-secret-value";

    static RefusingClientFixture() => SuiteSecrets.Remember(SuiteSecrets.ClientSecret, SeededSecret);

    protected override IReadOnlyDictionary<string, string?> Settings => ClientSettings;

    /// <summary>The seeded client's settings, for other fixtures that need a relying party refusing impersonation.</summary>
    public static IReadOnlyDictionary<string, string?> ClientSettings { get; } = new Dictionary<string, string?>
    {
        ["Seed:Clients:3:ClientId"] = SeededClient,
        ["Seed:Clients:3:ClientSecret"] = SeededSecret,
        ["Seed:Clients:3:RedirectUris:0"] = "https://no-impersonation.example/signin-oidc",
        ["Seed:Clients:3:GrantTypes:0"] = "authorization_code",
        ["Seed:Clients:3:Scopes:0"] = "openid",
        ["Seed:Clients:3:RefusesImpersonation"] = "true",
    };
}
