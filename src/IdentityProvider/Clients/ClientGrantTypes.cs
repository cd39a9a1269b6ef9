using IdentityProvider.Localization;
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

    /// <summary>How a person reads the grant type; an unknown one as it is.</summary>
    public static Sentence Name(string grantType) => grantType switch
    {
        AuthorizationCode => new("Clients.Grant.AuthorizationCode"),
        RefreshToken => new("Clients.Grant.RefreshToken"),
        ClientCredentials => new("Clients.Grant.ClientCredentials"),
        PersonalAccessToken => new("Clients.Grant.PersonalAccessToken"),
        _ => Sentence.Plain(grantType),
    };
}
