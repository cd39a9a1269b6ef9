using IdentityProvider.Clients;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>A client's protocol values (grant type, type, consent) in the reader's language.</summary>
public static class ClientTexts
{
    /// <summary>How the admin pages name each grant type (<see cref="ClientGrantTypes.Describe"/> in English).</summary>
    public static string GrantType(IStringLocalizer text, string grantType) => grantType switch
    {
        ClientGrantTypes.AuthorizationCode => text["Clients.Grant.AuthorizationCode"],
        ClientGrantTypes.RefreshToken => text["Clients.Grant.RefreshToken"],
        ClientGrantTypes.ClientCredentials => text["Clients.Grant.ClientCredentials"],
        ClientGrantTypes.PersonalAccessToken => text["Clients.Grant.PersonalAccessToken"],
        _ => grantType,
    };

    public static string Type(IStringLocalizer text, string type) => type switch
    {
        ClientRegistration.Confidential => text["Clients.Type.Confidential.Short"],
        ClientRegistration.Public => text["Clients.Type.Public.Short"],
        _ => type,
    };

    public static string ConsentType(IStringLocalizer text, string consentType) => consentType switch
    {
        ClientRegistration.Implicit => text["Clients.Consent.Implicit.Short"],
        ClientRegistration.Explicit => text["Clients.Consent.Explicit.Short"],
        _ => consentType,
    };
}
