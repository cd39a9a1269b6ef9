using IdentityProvider.Clients;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// Discovery's <c>scopes_supported</c>: the standard scopes OpenIddict knows plus every scope registered in the
/// database (admin area: Scopes), but never a standard scope the provider does not serve (<c>address</c>: a database
/// seeded before that rule may hold a row for it, registered because a client named it). Note: the document is output-cached (Hosting/DocumentCaching); a scope change
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
            if (await scopes.GetNameAsync(scope, context.CancellationToken) is { Length: > 0 } name && !StandardScopes.NotServed.Contains(name))
            {
                context.Scopes.Add(name);
            }
        }
    }
}
