using IdentityProvider.Policy;
using IdentityProvider.Settings;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// The personal access token rules: who may use tokens, and how long tokens and their access tokens live.
/// Read from the policy in force (admin area: Policy) on every call; the access token lifetime is configuration.
/// </summary>
public sealed class TokenPolicy(ICurrentPolicy store, TokenSettings tokens)
{
    /// <summary>The values of <c>ApplicationUser.SignInByToken</c>; null follows the provider setting.</summary>
    public const string Allow = "allow";
    public const string Deny = "deny";

    /// <summary>An administrator's choice for "no override" (stored as null).</summary>
    public const string Follow = "follow";

    /// <summary>The provider-wide "Allow sign-in by token" (<c>Tokens:AllowSignInByToken</c>).</summary>
    public bool AllowedByDefault => store.Current.TokenSignInAllowed;

    public int DefaultLifetimeDays => store.Current.TokenDefaultLifetimeDays;

    /// <summary>Null when the maximum is 0: no maximum, and "no expiry" is offered.</summary>
    public int? MaxLifetimeDays => store.Current.TokenMaxLifetimeDays > 0 ? store.Current.TokenMaxLifetimeDays : null;

    /// <summary>The scopes the policy lets a token carry; empty = every scope a token client may request.</summary>
    public IReadOnlyList<string> AllowedScopes => store.Current.TokenScopes;

    public bool NoExpiryAllowed => MaxLifetimeDays is null;

    /// <summary>The longest life an access token from an exchange gets; never beyond the token's own expiry.</summary>
    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(tokens.AccessTokenLifetimeMinutes);

    /// <summary>Whether a user with this administrator override may create and exchange tokens.</summary>
    public bool IsAllowedFor(string? userOverride) => userOverride switch
    {
        Allow => true,
        Deny => false,
        _ => AllowedByDefault,
    };

    /// <summary>Normalises an administrator's choice: "allow", "deny", or null for "follow"; false for anything else.</summary>
    public static bool TryParseOverride(string? choice, out string? userOverride)
    {
        userOverride = choice switch
        {
            Allow => Allow,
            Deny => Deny,
            _ => null,
        };
        return choice is Allow or Deny or Follow;
    }
}
