namespace IdentityProvider.Changes;

public static class ChangeServices
{
    /// <summary>Announcing administrative changes, and watching for them every 2 seconds (<see cref="ChangeWatcher"/>).</summary>
    public static IServiceCollection AddChangeWatching(this IServiceCollection services) =>
        services.AddScoped<ChangeAnnouncer>().AddHostedService<ChangeWatcher>();
}
