using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Changes;

/// <summary>
/// Polls the versions of <see cref="ChangeKinds"/> (one indexed read), so a change announced on any instance reaches this
/// one's listeners within <see cref="Interval"/> plus one read: the bound docs/ARCHITECTURE.md and the README state.
/// </summary>
/// <remarks>Note: real time, not the provider's <see cref="TimeProvider"/>: this is a polling period, not a rule.</remarks>
internal sealed class ChangeWatcher(IServiceScopeFactory scopes, IEnumerable<IChangeListener> listeners, ILogger<ChangeWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception error) when (Data.DatabaseOutage.Is(error))
            {
                // The database may be away for a moment: the next tick tries again, and nothing can change meanwhile.
                logger.LogWarning(error, "Administrative changes could not be checked; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Tells the listeners of each kind whose version moved since the last check (the first check only records them).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var versions = await db.StoredSettings.AsNoTracking().Where(setting => ChangeKinds.All.Contains(setting.Name))
            .ToDictionaryAsync(setting => setting.Name, setting => setting.Version, cancellationToken);
        var first = seen.Count == 0;
        foreach (var kind in ChangeKinds.All)
        {
            // A kind never announced is at version 0, so its first announcement is a change too.
            var version = versions.GetValueOrDefault(kind);
            var before = seen.GetValueOrDefault(kind);
            seen[kind] = version;
            if (!first && before != version)
            {
                foreach (var listener in listeners.Where(listener => listener.Kind == kind))
                {
                    await listener.ChangedAsync(cancellationToken);
                }
            }
        }
    }
}
