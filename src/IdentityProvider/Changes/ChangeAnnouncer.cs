using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Changes;

/// <summary>
/// Tells every instance that something of a <see cref="ChangeKinds"/> kind changed: one statement raising the kind's
/// version, after the change itself was saved (an instance that reads the version then reads the change too).
/// </summary>
public sealed class ChangeAnnouncer(ApplicationDbContext db, TimeProvider time)
{
    public async Task AnnounceAsync(string kind, string? actor)
    {
        var now = time.GetUtcNow();
        if (await RaiseAsync(kind, actor, now))
        {
            return;
        }

        db.StoredSettings.Add(new StoredSetting { Name = kind, Json = "{}", Version = 1, UpdatedAt = now, UpdatedBy = actor });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance announced the first change of this kind at the same moment: raise that row instead.
            db.ChangeTracker.Clear();
            await RaiseAsync(kind, actor, now);
        }
    }

    private async Task<bool> RaiseAsync(string kind, string? actor, DateTimeOffset now) =>
        await db.StoredSettings.Where(setting => setting.Name == kind).ExecuteUpdateAsync(setting => setting
            .SetProperty(row => row.Version, row => row.Version + 1)
            .SetProperty(row => row.UpdatedAt, now)
            .SetProperty(row => row.UpdatedBy, actor)) > 0;
}
