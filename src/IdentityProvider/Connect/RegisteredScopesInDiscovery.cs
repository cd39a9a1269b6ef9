using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// Discovery's <c>scopes_supported</c>: the standard scopes OpenIddict knows plus every scope registered in the
/// database (admin area: Scopes). Note: the document is output-cached (Hosting/DocumentCaching); a scope change
/// evicts it on the instance that made it, other instances list the change within the cache's 5 minutes.
/// </summary>
internal sealed class RegisteredScopesInDiscovery(IOpenIddictScopeManager scopes) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseScopedHandler<RegisteredScopesInDiscovery>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachScopes.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        await foreach (var scope in scopes.ListAsync(count: null, offset: null, context.CancellationToken))
        {
            if (await scopes.GetNameAsync(scope, context.CancellationToken) is { Length: > 0 } name)
            {
                context.Scopes.Add(name);
            }
        }
    }
}
