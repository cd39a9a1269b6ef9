using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// RP-initiated logout with an <c>id_token_hint</c> that fails validation (a forged or altered signature, another
/// issuer's token) is refused with <c>invalid_request</c> on the provider's error page: no sign-out and no redirect
/// to the <c>post_logout_redirect_uri</c> (OpenID Connect RP-Initiated Logout 1.0, §2 and §4). OpenIddict treats the
/// hint as optional and would go on without it; this runs right after it tried to validate one.
/// </summary>
internal sealed class RefuseUnverifiedIdTokenHint : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseSingletonHandler<RefuseUnverifiedIdTokenHint>()
            .SetOrder(OpenIddictServerHandlers.Session.ValidateAuthentication.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.IdTokenHint) && context.IdentityTokenHintPrincipal is null)
        {
            context.Reject(Errors.InvalidRequest, "The id_token_hint is not a valid ID token issued by this provider.");
        }

        return default;
    }
}
