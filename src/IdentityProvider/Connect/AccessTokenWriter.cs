using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// Signs the access token of a personal access token exchange answered ahead of OpenIddict: the same RFC 9068
/// JWT OpenIddict makes for that grant (header <c>typ</c> <c>at+jwt</c>, its first asymmetric signing key, the
/// same claims, including <c>oi_au_id</c>, which OpenIddict's validation checks against the authorization), so
/// resource servers, introspection and the admin API cannot tell the two apart. A test compares them.
/// </summary>
public sealed class AccessTokenWriter(IOptionsMonitor<OpenIddictServerOptions> serverOptions, TimeProvider time)
{
    /// <summary>The signed token and its lifetime in whole seconds (the response's <c>expires_in</c>).</summary>
    /// <param name="baseUri">The request's scheme, host and path base: the issuer when none is configured, as OpenIddict infers it.</param>
    public (string Token, long ExpiresIn) Write(GrantedAccess access, string clientId, Uri baseUri)
    {
        var options = serverOptions.CurrentValue;
        // Whole seconds, as JWT times are: exp - iat is then exactly the lifetime.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.JwtId] = Guid.NewGuid().ToString(),
            [Claims.Subject] = access.UserId,
            [PersonalAccessTokens.PersonalAccessTokenProtocol.TokenIdClaim] = access.TokenId.ToString(),
            [Claims.Private.Presenter] = clientId,
            [Claims.ClientId] = clientId,
        };
        if (access.Scope is { } scope)
        {
            claims[Claims.Scope] = scope;
        }

        if (access.AuthorizationId is { } authorizationId)
        {
            claims[Claims.Private.AuthorizationId] = authorizationId;
        }

        var token = options.JsonWebTokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = (options.Issuer ?? baseUri).AbsoluteUri,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = (issuedAt + access.Lifetime).UtcDateTime,
            SigningCredentials = options.SigningCredentials.First(credentials => credentials.Key is AsymmetricSecurityKey),
            TokenType = JsonWebTokenTypes.AccessToken,
        });
        return (token, (long)access.Lifetime.TotalSeconds);
    }
}
