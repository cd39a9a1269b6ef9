using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Clients;

/// <summary>The scopes the provider knows without a scope entry (registered with the OpenIddict server).</summary>
public static class StandardScopes
{
    public static IReadOnlyList<string> All { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess];
}
