namespace IdentityProvider.PersonalAccessTokens;

/// <summary>The names under which personal access tokens appear in the protocol.</summary>
public static class PersonalAccessTokenProtocol
{
    /// <summary>The custom grant at <c>/connect/token</c>.</summary>
    public const string GrantType = "urn:identityprovider:grant-type:personal_access_token";

    /// <summary>The form parameter carrying the token. Note: OpenIddict redacts a parameter of this name in its request logs.</summary>
    public const string TokenParameter = "token";

    /// <summary>The access token claim naming the personal access token (its id, never its secret).</summary>
    public const string TokenIdClaim = "pat_id";
}
