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

    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        await RecordFailureAsync(user, policy.Current.LockoutThreshold);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Counts a failed password or code; the failure that reaches <paramref name="threshold"/> locks the account for
    /// the lockout period and starts the count again at 0. True when this failure locked the account, so exactly one
    /// of many failures counted at once reports (and logs) the lockout. Warning: each step is one conditional UPDATE,
    /// not Identity's read-modify-write, so failures sent in parallel all count, none is absorbed by the lockout of
    /// another, and none fails on a concurrency stamp.
    /// </summary>
    public async Task<bool> RecordFailureAsync(ApplicationUser user, int threshold)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockedUntil = time.GetUtcNow() + TimeSpan.FromMinutes(policy.Current.LockoutMinutes);
        var locked = false;
        // Why a loop: between the two statements a parallel failure may move the count to the threshold's edge;
        // then the first statement applies on the next turn. A missing user matches neither and ends it.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            locked = await db.Users
                .Where(candidate => candidate.Id == user.Id && candidate.LockoutEnabled && candidate.AccessFailedCount + 1 >= threshold)
                .ExecuteUpdateAsync(update => update
                    .SetProperty(candidate => candidate.LockoutEnd, lockedUntil)
                    .SetProperty(candidate => candidate.AccessFailedCount, 0)
                    .SetProperty(candidate => candidate.ConcurrencyStamp, Guid.NewGuid().ToString())) == 1;
            if (locked || await db.Users
                    .Where(candidate => candidate.Id == user.Id && !(candidate.LockoutEnabled && candidate.AccessFailedCount + 1 >= threshold))
                    .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.AccessFailedCount, candidate => candidate.AccessFailedCount + 1)) == 1)
            {
                break;
            }
        }

        // The tracked user now matches the row again, so a later SaveChanges does not write stale values.
        await db.Entry(user).ReloadAsync();
        return locked;
    }
}
