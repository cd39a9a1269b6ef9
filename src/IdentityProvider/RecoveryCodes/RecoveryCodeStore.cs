using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.RecoveryCodes;

/// <summary>How many codes of the user's current set are left, of how many.</summary>
public sealed record RecoveryCodeStatus(int Remaining, int Total)
{
    /// <summary>Three or fewer left: the account page warns and suggests a new set.</summary>
    public bool IsLow => Remaining <= 3;
}

/// <summary>What became of a submitted recovery code.</summary>
public enum RecoveryCodeResult
{
    /// <summary>The code matched an unused code of the current set and is now spent.</summary>
    Accepted,

    /// <summary>Not shaped like a code (empty, wrong length, foreign characters): nothing was looked up.</summary>
    Malformed,

    /// <summary>Unknown, already spent, or of a voided set. Note: deliberately one value, so no caller can tell which.</summary>
    Rejected,
}

/// <summary>
/// A user's recovery-code set in the database: generation (which voids the previous set), counting, and
/// spending. Warning: codes exist in clear only in the list <see cref="GenerateAsync"/> returns, to be
/// shown once; the database keeps salted hashes.
/// </summary>
public sealed class RecoveryCodeStore(ApplicationDbContext db, TimeProvider time)
{
    /// <summary>Replaces the user's set with <see cref="RecoveryCodeFormat.DefaultSetSize"/> new codes; returns them in display form.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(string userId)
    {
        var codes = RecoveryCodeFormat.GenerateSet();
        var now = time.GetUtcNow();
        var rows = codes.Select(code =>
        {
            RecoveryCodeFormat.TryNormalize(code, out var canonical);
            var (salt, hash) = RecoveryCodeHasher.HashCode(canonical);
            return new RecoveryCode { Id = Guid.NewGuid(), UserId = userId, Salt = salt, Hash = hash, CreatedAt = now };
        }).ToList();

        // Note: the retrying execution strategy (PostgreSQL) only allows a transaction it can replay whole.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Warning: a no-op UPDATE of the user's row locks it until commit, so two generations for one user
            // (a double click, the user and an administrator at once) run one after the other. Otherwise each
            // DELETE could miss the rows the other is inserting, and two sets would stay valid.
            await db.Users.Where(user => user.Id == userId)
                .ExecuteUpdateAsync(update => update.SetProperty(user => user.CreatedAt, user => user.CreatedAt));

            // Only the latest set is valid: the old rows go, spent or not (deleting keeps no hash of a void code).
            await db.RecoveryCodes.Where(code => code.UserId == userId).ExecuteDeleteAsync();

            foreach (var row in rows)
            {
                // A replayed attempt adds the same rows again, so they must not still be tracked from the first.
                db.Entry(row).State = EntityState.Detached;
            }

            db.RecoveryCodes.AddRange(rows);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return codes;
    }

    public async Task<RecoveryCodeStatus> StatusAsync(string userId)
    {
        var spent = await db.RecoveryCodes.Where(code => code.UserId == userId)
            .Select(code => code.SpentAt != null)
            .ToListAsync();
        return new RecoveryCodeStatus(spent.Count(isSpent => !isSpent), spent.Count);
    }

    /// <summary>Checks <paramref name="input"/> (as typed) against the user's unused codes and spends the match.</summary>
    public async Task<RecoveryCodeResult> TryRedeemAsync(string userId, string? input)
    {
        if (!RecoveryCodeFormat.TryNormalize(input, out var canonical))
        {
            return RecoveryCodeResult.Malformed;
        }

        var unused = await db.RecoveryCodes.AsNoTracking()
            .Where(code => code.UserId == userId && code.SpentAt == null)
            .Select(code => new { code.Id, code.Salt, code.Hash })
            .ToListAsync();
        var match = unused.FirstOrDefault(code => RecoveryCodeHasher.Matches(canonical, code.Salt, code.Hash));
        if (match is null)
        {
            return RecoveryCodeResult.Rejected;
        }

        // Warning: the code counts only if this conditional UPDATE changed the row. Never read-then-write:
        // of parallel submissions of one code exactly one sees SpentAt still null, and a code voided by a new
        // set meanwhile is gone, so nothing changes and it is refused.
        DateTimeOffset? now = time.GetUtcNow();
        var spent = await db.RecoveryCodes
            .Where(code => code.Id == match.Id && code.UserId == userId && code.SpentAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(code => code.SpentAt, now));
        return spent == 1 ? RecoveryCodeResult.Accepted : RecoveryCodeResult.Rejected;
    }
}
