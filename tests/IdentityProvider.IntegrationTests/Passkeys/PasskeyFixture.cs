using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>The provider with an issuer of its own, whose host is the passkeys' relying party id.</summary>
public class PasskeyFixture : ProviderFixture
{
    public const string Origin = "https://id.example.test";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Server:Issuer"] = Origin + "/" };
}
