using IdentityProvider.Data;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Admin;

/// <summary>One user as the administrators' user list shows it.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, int Devices, bool TwoStepSuspended);

/// <summary>The users an administrator looks for, with what the list shows of each.</summary>
public sealed class UserDirectory(ApplicationDbContext db, ILookupNormalizer normalizer, TimeProvider time)
{
    public const int MaxSearchLength = 256;

    /// <summary>
    /// The first <paramref name="limit"/> users whose e-mail address contains <paramref name="search"/>
    /// (everyone when empty), ordered by address; <c>More</c> tells whether others matched too.
    /// </summary>
    public async Task<(IReadOnlyList<UserRow> Rows, bool More)> SearchAsync(string search, int limit)
    {
        var query = db.Users.AsNoTracking();
        if (search.Length > 0)
        {
            // Note: the normalized (upper-case) column compares without regard to case on every database.
            var normalized = normalizer.NormalizeEmail(search);
            query = query.Where(user => user.NormalizedEmail != null && user.NormalizedEmail.Contains(normalized));
        }

        var found = await query.OrderBy(user => user.NormalizedEmail).Take(limit + 1).ToListAsync();
        var shown = found.Take(limit).ToList();
        var ids = shown.Select(user => user.Id).ToList();
        var deviceCounts = await db.OtpDevices.Where(device => device.IsActive && ids.Contains(device.UserId))
            .GroupBy(device => device.UserId)
            .Select(group => new { UserId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.UserId, row => row.Count);
        var now = time.GetUtcNow();
        var rows = shown.Select(user => new UserRow(
                user.Id,
                user.Email ?? "",
                user.DisplayName,
                deviceCounts.GetValueOrDefault(user.Id),
                TwoStepSuspension.IsActive(user, now)))
            .ToList();
        return (rows, found.Count > limit);
    }
}
