using IdentityProvider.IntegrationTests.Passkeys;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider for the admin side of passkeys: the passkeys' issuer (<see cref="PasskeyFixture.Origin"/>, whose host is the
/// relying party id), two-step sign-in required of the role <see cref="StaffRole"/> (7 days' grace), and a service client
/// <c>user-desk</c> with client credentials and <c>idp.users</c> alone (a user-manager's rights through the API).
/// </summary>
public sealed class AdminPasskeyFixture : ProviderFixture
{
    public const string DeskClient = "user-desk";
    public const string DeskSecret = "passkey-desk-secret-value";
    public const string UsersScope = "idp.users";
    public const string StaffRole = "passkey-staff";

    static AdminPasskeyFixture() => SuiteSecrets.Remember(SuiteSecrets.ClientSecret, DeskSecret);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Server:Issuer"] = PasskeyFixture.Origin + "/",
        ["TwoStep:RequiredForRoles:0"] = StaffRole,
        ["TwoStep:GracePeriodDays"] = "7",
        ["Seed:Clients:5:ClientId"] = DeskClient,
        ["Seed:Clients:5:ClientSecret"] = DeskSecret,
        ["Seed:Clients:5:GrantTypes:0"] = "client_credentials",
        ["Seed:Clients:5:Scopes:0"] = UsersScope,
    };
}
