using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityProvider.Users;

/// <summary>
/// Identity's user manager with its lockout clock taken from <see cref="TimeProvider"/>: the stock one reads
/// the system clock when it sets and checks the lockout end, so lockouts could not be tested or reasoned
/// about with the provider's own clock. The lockout threshold and duration come from the policy in force.
/// </summary>
public sealed class ClockedUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    ApplicationDbContext db,
    ICurrentPolicy policy,
    TimeProvider time)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<ApplicationUser> LockoutStore => (IUserLockoutStore<ApplicationUser>)Store;

    public override async Task<bool> IsLockedOutAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)
            && await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) is { } end
            && end >= time.GetUtcNow();
    }

    /// <summary>Clears the failure count in one UPDATE, for the same reason as <see cref="RecordFailureAsync"/>.</summary>
    public override async Task<IdentityResult> ResetAccessFailedCountAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.Users.Where(candidate => candidate.Id == user.Id && candidate.AccessFailedCount != 0)
            .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.AccessFailedCount, 0));
        await db.Entry(user).ReloadAsync();
        return IdentityResult.Success;
    }

    public override Task<IdentityResult> AccessFailedAsync(ApplicationUser user) =>
        RecordFailureAsync(user, policy.Current.LockoutThreshold);

    /// <summary>
    /// Counts a failed password or code and locks the account for the lockout period once the count reaches
    /// <paramref name="threshold"/>. Warning: each step is one UPDATE in the database, not Identity's
    /// read-modify-write, so failures sent in parallel all count (and none fails on a concurrency stamp).
    /// </summary>
    public async Task<IdentityResult> RecordFailureAsync(ApplicationUser user, int threshold)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockedUntil = time.GetUtcNow() + TimeSpan.FromMinutes(policy.Current.LockoutMinutes);
        await db.Users.Where(candidate => candidate.Id == user.Id)
            .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.AccessFailedCount, candidate => candidate.AccessFailedCount + 1));
        await db.Users.Where(candidate => candidate.Id == user.Id && candidate.LockoutEnabled && candidate.AccessFailedCount >= threshold)
            .ExecuteUpdateAsync(update => update
                .SetProperty(candidate => candidate.LockoutEnd, lockedUntil)
                .SetProperty(candidate => candidate.AccessFailedCount, 0)
                .SetProperty(candidate => candidate.ConcurrencyStamp, Guid.NewGuid().ToString()));

        // The tracked user now matches the row again, so a later SaveChanges does not write stale values.
        await db.Entry(user).ReloadAsync();
        return IdentityResult.Success;
    }
}
