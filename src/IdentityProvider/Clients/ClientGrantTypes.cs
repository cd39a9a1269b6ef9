using IdentityProvider.PersonalAccessTokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Clients;

/// <summary>The grant types a client may be allowed, by their protocol names.</summary>
public static class ClientGrantTypes
{
    public const string AuthorizationCode = GrantTypes.AuthorizationCode;
    public const string RefreshToken = GrantTypes.RefreshToken;
    public const string ClientCredentials = GrantTypes.ClientCredentials;
    public const string PersonalAccessToken = PersonalAccessTokenProtocol.GrantType;

    public static IReadOnlyList<string> All { get; } = [AuthorizationCode, RefreshToken, ClientCredentials, PersonalAccessToken];

    /// <summary>How the admin pages name each grant type.</summary>
    public static string Describe(string grantType) => grantType switch
    {
        AuthorizationCode => "Authorization code (sign-in)",
        RefreshToken => "Refresh token",
        ClientCredentials => "Client credentials (service)",
        PersonalAccessToken => "Personal access token exchange",
        _ => grantType,
    };
}
