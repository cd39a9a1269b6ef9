using System.Security.Claims;
using System.Text.Json;
using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// The one place that builds the claims of issued tokens, including <c>amr</c>, <c>acr</c> and
/// <c>auth_time</c>, and decides which token each claim goes to.
/// </summary>
public sealed class ClaimsFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>
    /// The scope that releases each profile claim to a relying party (id_token and userinfo): every claim the provider
    /// serves, also what discovery's <c>claims_supported</c> lists and what the <c>claims</c> parameter may ask for.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReleasingScopes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Claims.Name] = Scopes.Profile,
        [Claims.GivenName] = Scopes.Profile,
        [Claims.FamilyName] = Scopes.Profile,
        [Claims.PreferredUsername] = Scopes.Profile,
        [Claims.Locale] = Scopes.Profile,
        [Claims.Zoneinfo] = Scopes.Profile,
        [Claims.UpdatedAt] = Scopes.Profile,
        [Claims.Email] = Scopes.Email,
        [Claims.EmailVerified] = Scopes.Email,
        [Claims.PhoneNumber] = Scopes.Phone,
        [Claims.PhoneNumberVerified] = Scopes.Phone,
        [Claims.Role] = Scopes.Roles,
    };

    /// <summary>
    /// RFC 8693's actor: in tokens issued from a session an administrator opened as the user, <c>{"sub": administrator id}</c>.
    /// </summary>
    public const string ActorClaim = "act";

    /// <summary>Every claim issued tokens or the userinfo answer may carry, for discovery's <c>claims_supported</c>.</summary>
    public static IReadOnlyList<string> SupportedClaims { get; } =
    [
        Claims.Subject, .. ReleasingScopes.Keys,
        Claims.AuthenticationMethodReference, Claims.AuthenticationContextReference, Claims.AuthenticationTime, ActorClaim,
    ];

    /// <summary>
    /// A user's principal for tokens issued from a sign-in that proved <paramref name="proof"/>; <paramref name="requested"/>
    /// (the <c>claims</c> parameter, already limited to what the client may ask for) adds claims the scopes do not release.
    /// </summary>
    public async Task<ClaimsPrincipal> CreateForUserAsync(ApplicationUser user, SessionProof proof, IEnumerable<string> scopes, ClaimsRequest requested)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.AuthenticationContextReference, proof.Acr)
            .SetClaim(Claims.AuthenticationTime, proof.AuthTimeSeconds)
            // Kept inside codes and refresh tokens only: a later password change voids them.
            .SetClaim(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user));
        // Note: amr is an array even with one value (RFC 8176), hence one claim holding a JSON array.
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, JsonSerializer.Serialize(proof.Methods), JsonClaimValueTypes.JsonArray));
        if (proof.Actor is { } actor)
        {
            // amr, acr and auth_time are then the administrator's sign-in; the actor rides in codes (private claims) to the token endpoint.
            identity.AddClaim(new Claim(ActorClaim, JsonSerializer.Serialize(new Dictionary<string, string> { [Claims.Subject] = actor.Id }), JsonClaimValueTypes.Json));
            identity.AddClaims(actor.ToClaims());
        }

        foreach (var (type, value) in await ProfileOfAsync(user))
        {
            _ = value switch
            {
                bool flag => identity.SetClaim(type, flag),
                long number => identity.SetClaim(type, number),
                IList<string> values => identity.SetClaims(type, [.. values]),
                _ => identity.SetClaim(type, (string)value),
            };
        }

        // Remembered for the code exchange, refreshes and userinfo (the request is not at hand there).
        identity.SetClaims(ClaimsRequest.IdTokenClaimType, [.. requested.IdToken.Order(StringComparer.Ordinal)]);
        identity.SetClaims(ClaimsRequest.UserInfoClaimType, [.. requested.UserInfo.Order(StringComparer.Ordinal)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// <c>/connect/userinfo</c>'s answer: the subject and the current profile claims the access token's scopes release,
    /// and those its <c>claims</c> parameter asked for in the userinfo answer.
    /// </summary>
    public async Task<Dictionary<string, object>> CreateUserInfoAsync(ApplicationUser user, ClaimsPrincipal accessToken)
    {
        var requested = ClaimsRequest.From(accessToken).UserInfo;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        foreach (var (type, value) in await ProfileOfAsync(user))
        {
            if (accessToken.HasScope(ReleasingScopes[type]) || requested.Contains(type))
            {
                claims[type] = value;
            }
        }

        return claims;
    }

    /// <summary>
    /// The user's current profile claims, only those with a value (never an empty string or list);
    /// <see cref="ReleasingScopes"/> says who may see each.
    /// </summary>
    private async Task<Dictionary<string, object>> ProfileOfAsync(ApplicationUser user)
    {
        var profile = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string type, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                profile[type] = value;
            }
        }

        Add(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName);
        Add(Claims.GivenName, user.GivenName);
        Add(Claims.FamilyName, user.FamilyName);
        Add(Claims.PreferredUsername, user.UserName);
        // The language and IANA time zone the user was last seen reading in (Users/UserLanguages), when recorded.
        Add(Claims.Locale, user.Language);
        Add(Claims.Zoneinfo, user.TimeZone);
        // Note: seconds since the epoch, a JSON number (OpenID Connect Core 5.1); the creation stands for "never changed".
        if ((user.ProfileUpdatedAt ?? user.CreatedAt).ToUnixTimeSeconds() is > 0 and var updatedAt)
        {
            profile[Claims.UpdatedAt] = updatedAt;
        }

        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            profile[Claims.Email] = user.Email;
            profile[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (!string.IsNullOrWhiteSpace(user.PhoneNumber))
        {
            profile[Claims.PhoneNumber] = user.PhoneNumber;
            profile[Claims.PhoneNumberVerified] = user.PhoneNumberConfirmed;
        }

        if (await users.GetRolesAsync(user) is { Count: > 0 } roles)
        {
            profile[Claims.Role] = roles;
        }

        return profile;
    }

    /// <summary>A service client's principal for the client_credentials grant: the client is the subject.</summary>
    public static ClaimsPrincipal CreateForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The principal of a personal access token exchange: the user as subject, the granted scopes and the
    /// token's id as <c>pat_id</c>, all for the access token only.
    /// </summary>
    /// <remarks>
    /// Note: no <c>amr</c>, <c>acr</c> or <c>auth_time</c>. An exchange proves possession of a bearer secret, not a
    /// sign-in: RFC 8176 has no method for that, and claiming <c>pwd</c> or <c>mfa</c> would let a script pass a
    /// relying party's check for an interactive (or two-step) sign-in. No profile claims either: scripts get the
    /// subject and read the rest where they are allowed to.
    /// </remarks>
    public static ClaimsPrincipal CreateForPersonalAccessToken(string userId, Guid tokenId, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, userId)
            .SetClaim(PersonalAccessTokenProtocol.TokenIdClaim, tokenId.ToString());
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static IEnumerable<string> DestinationsOf(Claim claim)
    {
        var identity = claim.Subject;
        switch (claim.Type)
        {
            case Claims.Subject:
            case Claims.AuthenticationMethodReference:
            case Claims.AuthenticationContextReference:
            case ActorClaim:
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.AuthenticationTime:
                return [Destinations.IdentityToken];
            case ClaimsRequest.UserInfoClaimType:
                // The access token remembers what the userinfo answer was asked to carry.
                return [Destinations.AccessToken];
            case var type when ReleasingScopes.TryGetValue(type, out var scope):
                if (identity?.HasScope(scope) == true)
                {
                    return [Destinations.AccessToken, Destinations.IdentityToken];
                }

                // Asked for in the id_token by the claims parameter: there only. Roles go to the access token anyway, since
                // resource servers authorise by role whatever the relying party asked to see.
                var askedInIdToken = identity?.HasClaim(ClaimsRequest.IdTokenClaimType, type) == true;
                return (type == Claims.Role, askedInIdToken) switch
                {
                    (true, true) => [Destinations.AccessToken, Destinations.IdentityToken],
                    (true, false) => [Destinations.AccessToken],
                    (false, true) => [Destinations.IdentityToken],
                    _ => [],
                };
            default:
                // The security stamp, the id_token's requested claims and anything else stay out of issued tokens.
                return [];
        }
    }
}
