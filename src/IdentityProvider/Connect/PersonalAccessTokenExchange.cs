using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.Connect;

/// <summary>What the personal access token grant decided: an OAuth error, or the access it grants.</summary>
public sealed record PersonalAccessTokenExchange(string? Error, string? ErrorDescription, GrantedAccess? Access)
{
    public static PersonalAccessTokenExchange Refused(string error, string description) => new(error, description, null);

    public static PersonalAccessTokenExchange Granted(GrantedAccess access) => new(null, null, access);
}

/// <summary>The access token one exchange grants: whose, from which personal access token, what and for how long.</summary>
/// <param name="AuthorizationId">The token's OpenIddict authorization, which revoking the token revokes.</param>
public sealed record GrantedAccess(string UserId, Guid TokenId, IReadOnlyList<string> Scopes, string? AuthorizationId, TimeSpan Lifetime)
{
    /// <summary>The scopes as OAuth writes them (the access token's claim, the answer's parameter); null when there are none.</summary>
    public string? Scope => Scopes.Count > 0 ? TokenScopes.Join(Scopes) : null;
}
