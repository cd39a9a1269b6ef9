using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Connect;

namespace IdentityProvider.Hosting;

/// <summary>
/// The discovery document and the JWKS, which every relying party and resource server fetches, are answered
/// from memory: they change when the provider restarts with other keys or settings, or when scopes are registered.
/// </summary>
public static class DocumentCaching
{
    /// <summary>Short enough that nothing surprising lingers; long enough that OpenIddict builds each rarely.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddDocumentCaching(this IServiceCollection services) =>
        services.AddSingleton<IChangeListener, DiscoveryOnScopeChange>().AddOutputCache(options =>
        {
            // Note: entries vary by host (the issuer may come from it); a small store bounds what junk Host
            // headers can take: once full, documents are served uncached, never refused.
            options.SizeLimit = 1024 * 1024;
            // Note: discovery lists the registered scopes. A scope change evicts the tag on the instance that made it
            // (Admin/ScopeAdministration) and, once announced, on every other (DiscoveryOnScopeChange, within 2 seconds).
            options.AddBasePolicy(policy => policy.With(context => IsDocument(context.HttpContext.Request)).Expire(Lifetime).Tag(DiscoveryCache.Tag));
        });

    /// <summary>Only the plain documents: a query string (meaningless to both) is not kept.</summary>
    private static bool IsDocument(HttpRequest request) =>
        !request.QueryString.HasValue
        && (request.Path.Equals(ConnectPaths.Discovery, StringComparison.Ordinal) || request.Path.Equals(ConnectPaths.Jwks, StringComparison.Ordinal));
}
