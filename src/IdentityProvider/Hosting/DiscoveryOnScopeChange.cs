using IdentityProvider.Changes;
using IdentityProvider.Clients;
using Microsoft.AspNetCore.OutputCaching;

namespace IdentityProvider.Hosting;

/// <summary>A scope registered, changed or deleted on any instance: this instance's discovery document is built again (<c>scopes_supported</c>).</summary>
internal sealed class DiscoveryOnScopeChange(IOutputCacheStore outputCache) : IChangeListener
{
    public string Kind => ChangeKinds.Scopes;

    public ValueTask ChangedAsync(CancellationToken cancellationToken) => outputCache.EvictByTagAsync(DiscoveryCache.Tag, cancellationToken);
}
