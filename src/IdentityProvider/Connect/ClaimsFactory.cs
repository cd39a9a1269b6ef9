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
    /// <summary>A user's principal for tokens issued from a sign-in that proved <paramref name="proof"/>.</summary>
    public async Task<ClaimsPrincipal> CreateForUserAsync(ApplicationUser user, SessionProof proof, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.AuthenticationContextReference, proof.Acr)
            .SetClaim(Claims.AuthenticationTime, proof.AuthTimeSeconds)
            // Kept inside codes and refresh tokens only: a later password change voids them.
            .SetClaim(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user));
        // Note: amr is an array even with one value (RFC 8176), hence one claim holding a JSON array.
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, JsonSerializer.Serialize(proof.Methods), JsonClaimValueTypes.JsonArray));
        foreach (var (type, value) in await ProfileOfAsync(user))
        {
            _ = value switch
            {
                bool flag => identity.SetClaim(type, flag),
                IList<string> values => identity.SetClaims(type, [.. values]),
                _ => identity.SetClaim(type, (string?)value),
            };
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    /// <summary><c>/connect/userinfo</c>'s answer: the subject and the current profile claims the access token's scopes release.</summary>
    public async Task<Dictionary<string, object?>> CreateUserInfoAsync(ApplicationUser user, ClaimsPrincipal accessToken)
    {
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        foreach (var (type, value) in (await ProfileOfAsync(user)).Where(claim => accessToken.HasScope(ReleasingScope[claim.Key])))
        {
            claims[type] = value;
        }

        return claims;
    }

    /// <summary>The scope that releases each profile claim to a relying party (id_token and userinfo).</summary>
    private static readonly Dictionary<string, string> ReleasingScope = new(StringComparer.Ordinal)
    {
        [Claims.Name] = Scopes.Profile,
        [Claims.PreferredUsername] = Scopes.Profile,
        [Claims.Email] = Scopes.Email,
        [Claims.EmailVerified] = Scopes.Email,
        [Claims.Role] = Scopes.Roles,
    };

    /// <summary>The user's current profile claims; <see cref="ReleasingScope"/> says who may see each.</summary>
    private async Task<Dictionary<string, object?>> ProfileOfAsync(ApplicationUser user) => new(StringComparer.Ordinal)
    {
        [Claims.Name] = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName,
        [Claims.PreferredUsername] = user.UserName,
        [Claims.Email] = user.Email,
        [Claims.EmailVerified] = user.EmailConfirmed,
        [Claims.Role] = await users.GetRolesAsync(user),
    };

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
        var principal = claim.Subject;
        switch (claim.Type)
        {
            case Claims.Subject:
            case Claims.AuthenticationMethodReference:
            case Claims.AuthenticationContextReference:
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.AuthenticationTime:
                return [Destinations.IdentityToken];
            case var type when ReleasingScope.TryGetValue(type, out var scope) && principal?.HasScope(scope) == true:
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.Role:
                // Resource servers authorise by role whatever the relying party asked to see.
                return [Destinations.AccessToken];
            default:
                // The security stamp and anything else stay out of issued tokens.
                return [];
        }
    }
}
