using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// <c>/connect/token</c>, after OpenIddict has authenticated the client and validated the grant. Codes and
/// refresh tokens are honoured only while the user may still sign in and has not changed the password since.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signInManager,
        IOptions<IdentityOptions> identityOptions,
        IOpenIddictApplicationManager applications,
        ClaimsFactory claimsFactory,
        SingleUseGrants singleUse,
        PersonalAccessTokenGrant personalAccessTokens)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.GrantType == PersonalAccessTokenProtocol.GrantType)
        {
            return await ExchangePersonalAccessTokenAsync(request, applications, personalAccessTokens, context.RequestAborted);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            var proof = SessionProof.From(granted);
            if (granted is null || user is null || proof is null)
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "The token is no longer valid.");
            }

            if (!await signInManager.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "The user can no longer sign in.");
            }

            var stampClaim = identityOptions.Value.ClaimsIdentity.SecurityStampClaimType;
            if (granted.GetClaim(stampClaim) != await users.GetSecurityStampAsync(user))
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "The token is no longer valid: the user's credentials changed.");
            }

            if (granted.GetTokenId() is not { } tokenId || !await singleUse.TrySpendAsync(tokenId, granted.GetAuthorizationId(), context.RequestAborted))
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "The token has already been used.");
            }

            // The claims parameter's requests ride along in the code and the refresh token.
            var principal = await claimsFactory.CreateForUserAsync(user, proof, granted.GetScopes(), ClaimsRequest.From(granted));
            principal.SetAuthorizationId(granted.GetAuthorizationId());
            return OpenIddictResults.SignIn(principal);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
            return OpenIddictResults.SignIn(
                ClaimsFactory.CreateForClient(request.ClientId!, await applications.GetDisplayNameAsync(application), request.GetScopes()));
        }

        return OpenIddictResults.Error(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    /// <summary>The requests <see cref="PersonalAccessTokenEndpoint"/> handed on (a scope asked for, a confidential client).</summary>
    private static async Task<IResult> ExchangePersonalAccessTokenAsync(OpenIddictRequest request,
        IOpenIddictApplicationManager applications, PersonalAccessTokenGrant grant, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var exchange = await grant.ExchangeAsync((string?)request.GetParameter(PersonalAccessTokenProtocol.TokenParameter), request.ClientId!,
            request.GetScopes(), await applications.GetPermissionsAsync(application, cancellationToken), cancellationToken);
        if (exchange.Access is not { } access)
        {
            return OpenIddictResults.Error(exchange.Error!, exchange.ErrorDescription!);
        }

        var principal = ClaimsFactory.CreateForPersonalAccessToken(access.UserId, access.TokenId, access.Scopes);
        principal.SetAuthorizationId(access.AuthorizationId);
        principal.SetAccessTokenLifetime(access.Lifetime);
        return OpenIddictResults.SignIn(principal);
    }
}
