using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// RFC 6749 §4.1.2.1: once the client and its redirect URI are known to be valid, authorization errors (a
/// missing PKCE challenge, an unsupported response type, a bad scope) go back to the client with its state,
/// rather than stranding the user on the provider's error page. OpenIddict keeps every rejected request on
/// its own page; this runs right after it chose none.
/// Warning: the URI must be registered for the client, or errors could be sent to an attacker's address.
/// </summary>
internal sealed class ReturnErrorsToClient(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseScopedHandler<ReturnErrorsToClient>()
            .SetOrder(OpenIddictServerHandlers.Authentication.AttachRedirectUri.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.RedirectUri)
            || string.IsNullOrEmpty(context.Response.Error)
            || context.Request is not { ClientId: { Length: > 0 } clientId, RedirectUri: { Length: > 0 } redirectUri })
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(clientId);
        if (application is not null && await applications.ValidateRedirectUriAsync(application, redirectUri))
        {
            context.RedirectUri = redirectUri;
        }
    }
}
