using System.Collections.Immutable;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// The <c>claims</c> request parameter (OpenID Connect Core 5.5), which OpenIddict passes through without reading:
/// a malformed one is refused, and discovery says the parameter is supported (OpenIddict says it is not). What it asks
/// for is read by <see cref="ClaimsRequest"/> and served by <see cref="ClaimsFactory"/>.
/// </summary>
public static class ClaimsParameter
{
    public static ImmutableArray<OpenIddictServerHandlerDescriptor> Handlers { get; } =
        [RefuseMalformed.Descriptor, AdvertiseSupport.Descriptor];

    /// <summary>
    /// An authorization request whose <c>claims</c> is not a JSON object of the expected shape gets <c>invalid_request</c>
    /// (sent back to a registered redirect URI by <see cref="ReturnErrorsToClient"/>); OpenIddict would read it as a string.
    /// </summary>
    internal sealed class RefuseMalformed : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
                .UseSingletonHandler<RefuseMalformed>()
                .SetOrder(OpenIddictServerHandlers.Authentication.ValidatePromptParameter.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
        {
            if (!ClaimsRequest.TryRead(context.Request, out _))
            {
                context.Reject(Errors.InvalidRequest,
                    "The claims parameter must be a JSON object whose id_token and userinfo members map claim names to null or an object.");
            }

            return default;
        }
    }

    /// <summary>Discovery's <c>claims_parameter_supported</c>: true, set after OpenIddict set it to false.</summary>
    internal sealed class AdvertiseSupport : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<AdvertiseSupport>()
                .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            context.Metadata[Metadata.ClaimsParameterSupported] = true;
            return default;
        }
    }
}
