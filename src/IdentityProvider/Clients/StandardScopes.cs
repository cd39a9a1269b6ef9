using IdentityProvider.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Clients;

/// <summary>
/// The scopes the provider serves without a scope entry (registered with the OpenIddict server), and the standard
/// OpenID Connect scope it does not serve.
/// </summary>
public static class StandardScopes
{
    /// <summary>What the provider serves itself; every other scope a client names must be registered in the admin area.</summary>
    public static IReadOnlyList<string> All { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Roles, Scopes.OfflineAccess];

    /// <summary>
    /// OpenID Connect Core's scopes (§5.4) this provider does not serve: <c>address</c>, since a staff sign-in provider
    /// keeps no postal addresses. Never registered as a custom scope either, so discovery never offers one.
    /// </summary>
    public static IReadOnlyList<string> NotServed { get; } = [Scopes.Address];

    /// <summary>Why a client cannot be given <paramref name="scope"/>, when it is one of <see cref="NotServed"/>; else null.</summary>
    public static Sentence? Refusal(string scope) =>
        NotServed.Contains(scope, StringComparer.Ordinal)
            ? new Sentence("Clients.Scope.NotServed",
                scope, string.Join(", ", All))
            : null;
}
