using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// Introspection answers with the token's <c>act</c> (RFC 8693 4.1: who acts for the subject), as it does with <c>sub</c>.
/// Note: OpenIddict returns a token's other claims to its audiences only, and the provider's access tokens name none;
/// the actor is not such an application claim: a resource server must see that an administrator is acting.
/// </summary>
internal sealed class ActorInIntrospection : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
            .UseSingletonHandler<ActorInIntrospection>()
            .SetOrder(OpenIddictServerHandlers.Introspection.AttachMetadataClaims.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleIntrospectionRequestContext context)
    {
        if (context.GenericTokenPrincipal?.GetClaim(ClaimsFactory.ActorClaim) is { Length: > 0 } actor)
        {
            context.Claims[ClaimsFactory.ActorClaim] = new OpenIddictParameter(JsonSerializer.Deserialize<JsonElement>(actor));
        }

        return default;
    }
}
