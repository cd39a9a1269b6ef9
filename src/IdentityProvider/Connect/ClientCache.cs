using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using IdentityProvider.Data;
using OpenIddict.Abstractions;
using Application = OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication;

namespace IdentityProvider.Connect;

/// <summary>
/// Client registrations found by id or client id, kept for <see cref="ClientCacheEntries.Lifetime"/> and
/// shared by every request of this instance. OpenIddict's own cache lives for one request, so each token
/// request would read its client from the database again; scripts exchanging personal access tokens make
/// that the costliest step after the signature.
/// </summary>
/// <remarks>
/// A change made through this instance's application manager takes effect at once (the manager tells the
/// cache); one made by another instance, or in the database by hand, within the lifetime. Unknown client ids
/// are never kept, so junk cannot fill the cache. Each request gets its own copy of the entity, attached to
/// its own context as if it had just been read: an update through the manager then works as usual (and a
/// stale copy fails its concurrency check), and nothing one request does to it is seen by another.
/// </remarks>
public sealed class ClientCache(ClientCacheEntries entries, IOpenIddictApplicationStore<Application> store, ApplicationDbContext db)
    : IOpenIddictApplicationCache<Application>
{
    public ValueTask AddAsync(Application application, CancellationToken cancellationToken)
    {
        entries.Add(Copy(application));
        return ValueTask.CompletedTask;
    }

    public ValueTask<Application?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        FindAsync(entries.TryGetByClientId(identifier), () => store.FindByClientIdAsync(identifier, cancellationToken));

    public ValueTask<Application?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        FindAsync(entries.TryGetById(identifier), () => store.FindByIdAsync(identifier, cancellationToken));

    // Rare (end-session, admin pages): straight to the store.
    public IAsyncEnumerable<Application> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByPostLogoutRedirectUriAsync(uri, cancellationToken);

    public IAsyncEnumerable<Application> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByRedirectUriAsync(uri, cancellationToken);

    public ValueTask RemoveAsync(Application application, CancellationToken cancellationToken)
    {
        entries.Remove(application.Id);
        return ValueTask.CompletedTask;
    }

    /// <summary>The cached entity if there is one, else the store's (then kept; unknown ids never are).</summary>
    private async ValueTask<Application?> FindAsync(Application? cached, Func<ValueTask<Application?>> load)
    {
        if (cached is not null)
        {
            return Tracked(cached);
        }

        var application = await load();
        if (application is not null)
        {
            entries.Add(Copy(application));
        }

        return application;
    }

    /// <summary>The instance this request's context tracks for the cached entity, attached now if there is none yet.</summary>
    private Application Tracked(Application cached)
    {
        if (db.Set<Application>().Local.FindEntry(cached.Id!) is { } entry)
        {
            return entry.Entity;
        }

        var copy = Copy(cached);
        db.Attach(copy);
        return copy;
    }

    /// <summary>A new entity with the source's own values (strings and value types), without its navigation collections.</summary>
    internal static readonly Func<Application, Application> Copy = CompileCopy();

    private static Func<Application, Application> CompileCopy()
    {
        var source = Expression.Parameter(typeof(Application));
        var values = typeof(Application).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property is { CanRead: true, CanWrite: true }
                && (property.PropertyType == typeof(string) || property.PropertyType.IsValueType))
            .Select(property => Expression.Bind(property, Expression.Property(source, property)));
        return Expression.Lambda<Func<Application, Application>>(
            Expression.MemberInit(Expression.New(typeof(Application)), values), source).Compile();
    }
}

/// <summary>The entries behind <see cref="ClientCache"/>: one set per instance.</summary>
public sealed class ClientCacheEntries(TimeProvider time)
{
    /// <summary>
    /// How long a registration may be served without reading it again. Note: a change made on another instance clears
    /// the cache sooner, once announced (<see cref="ClientCacheOnClientChange"/>, within 2 seconds); this bounds only a
    /// change made in the database by hand.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> idByClientId = new(StringComparer.Ordinal);

    public Application? TryGetByClientId(string clientId) =>
        idByClientId.TryGetValue(clientId, out var id) && TryGetById(id) is { } application && application.ClientId == clientId
            ? application
            : null;

    public Application? TryGetById(string id)
    {
        if (!byId.TryGetValue(id, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() < entry.ExpiresAt)
        {
            return entry.Application;
        }

        byId.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        return null;
    }

    public void Add(Application application)
    {
        if (string.IsNullOrEmpty(application.Id))
        {
            return;
        }

        byId[application.Id] = new Entry(application, time.GetUtcNow() + Lifetime);
        if (!string.IsNullOrEmpty(application.ClientId))
        {
            idByClientId[application.ClientId] = application.Id;
        }
    }

    /// <summary>Forgets every registration (a change announced by another instance, <see cref="ClientCacheOnClientChange"/>).</summary>
    public void Clear()
    {
        byId.Clear();
        idByClientId.Clear();
    }

    public void Remove(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            byId.TryRemove(id, out _);
        }
    }

    private sealed record Entry(Application Application, DateTimeOffset ExpiresAt);
}
