using IdentityProvider.Localization;

namespace IdentityProvider.Clients;

/// <summary>
/// A relying party as seeding and the administrators describe it: what becomes OpenIddict's application
/// (<see cref="ClientDescriptors"/>) and what the admin pages and API show and edit. Never its secret.
/// </summary>
/// <param name="Type"><c>confidential</c> (has a secret) or <c>public</c> (PKCE required).</param>
/// <param name="GrantTypes">Names from <see cref="ClientGrantTypes.All"/>.</param>
/// <param name="ConsentType"><c>implicit</c> or <c>explicit</c>.</param>
/// <param name="RefusesImpersonation">
/// The relying party refuses sessions an administrator opened as the user; its sign-in requests from such a session are
/// answered <c>access_denied</c>.
/// </param>
public sealed record ClientRegistration(
    string ClientId,
    string DisplayName,
    string Type,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> Scopes,
    string ConsentType,
    bool RefusesImpersonation = false)
{
    /// <summary>The key of OpenIddict's application settings that holds <see cref="RefusesImpersonation"/> ("true" when set).</summary>
    public const string RefusesImpersonationSetting = "idp:refuses_impersonation";

    public const string Confidential = "confidential";
    public const string Public = "public";
    public const string Implicit = "implicit";
    public const string Explicit = "explicit";

    public bool IsConfidential => Type == Confidential;

    /// <summary>The type as the client list reads it ("confidential"); an unknown one as it is.</summary>
    public static Sentence TypeName(string type) => type switch
    {
        Confidential => new("Clients.Type.Confidential.Short"),
        Public => new("Clients.Type.Public.Short"),
        _ => Sentence.Plain(type),
    };

    /// <summary>The consent type as the client list reads it ("implicit"); an unknown one as it is.</summary>
    public static Sentence ConsentTypeName(string consentType) => consentType switch
    {
        Implicit => new("Clients.Consent.Implicit.Short"),
        Explicit => new("Clients.Consent.Explicit.Short"),
        _ => Sentence.Plain(consentType),
    };
}
