using System.Threading.RateLimiting;
using IdentityProvider.Settings;

namespace IdentityProvider.PasswordReset;

/// <summary>
/// Requests per typed e-mail address per hour (<c>Email:ResetRequestsPerAddressPerHour</c>), known or not, so nobody
/// floods a mailbox. Note: in memory, per instance, like the per-client-address limits; the per-account limit is
/// counted in the database (<see cref="PasswordResetRequests"/>) and holds across instances.
/// </summary>
public sealed class PasswordResetThrottle(EmailSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.ResetRequestsPerAddressPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes a permit for <paramref name="normalizedAddress"/>; false when its hour's permits are spent.</summary>
    public bool TryAcquire(string normalizedAddress)
    {
        using var lease = limiter.AttemptAcquire(normalizedAddress);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
