using IdentityProvider.Data;

namespace IdentityProvider.Policy;

/// <summary>
/// Polls the stored policy's version, so a change saved on any instance applies here within
/// <see cref="Interval"/> (the admin area promises 5 seconds) without a restart.
/// </summary>
/// <remarks>Note: real time, not the provider's <see cref="TimeProvider"/>: this is a polling period, not a rule.</remarks>
internal sealed class PolicyRefresher(PolicyStore store, ILogger<PolicyRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (DatabaseOutage.Is(error))
            {
                // The database may be away for a moment: the policy in memory stays in force until it is back.
                logger.LogWarning(error, "The policy could not be refreshed; the policy in memory stays in force");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
