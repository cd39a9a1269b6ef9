using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Admin.Users;

/// <summary>The users an administrator looks for, with what the list shows of each.</summary>
public sealed class UserDirectory(ApplicationDbContext db, ILookupNormalizer normalizer, TwoStepPolicy twoStep, TimeProvider time)
{
    public const int MaxSearchLength = 256;
    public const int PageSize = 25;

    /// <summary>Pages beyond this are refused (a search narrows better than paging through thousands).</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the users whose e-mail address or name contains
    /// <paramref name="search"/> (everyone when empty), ordered by address, with the number of matches.
    /// </summary>
    /// <param name="filter">One of <see cref="UserListFilters.All"/>, or empty for everyone.</param>
    /// <param name="sort">One of <see cref="UserListFilters.Orders"/>, or empty for by address.</param>
    public async Task<UserListPage> ListAsync(string search, int page, int pageSize = PageSize, string? filter = null, string? sort = null)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(filter))
        {
            query = query.Where(UserListFilters.Predicate(filter, db, twoStep, time.GetUtcNow()));
        }

        if (search.Length > 0)
        {
            // Note: the normalized (upper-case) column compares without regard to case on every database.
            var normalized = normalizer.NormalizeEmail(search);
            query = query.Where(user => (user.NormalizedEmail != null && user.NormalizedEmail.Contains(normalized))
                || user.DisplayName.ToUpper().Contains(normalized));
        }

        var total = await query.CountAsync();
        var ordered = sort == UserListFilters.ByLastSignIn
            // Note: explicit, as databases disagree on where a descending order puts nulls.
            ? query.OrderBy(user => user.LastSignInAt == null).ThenByDescending(user => user.LastSignInAt).ThenBy(user => user.NormalizedEmail)
            : query.OrderBy(user => user.NormalizedEmail);
        var shown = await ordered.ThenBy(user => user.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new UserListPage(await RowsAsync(shown), total, page, pageSize);
    }

    /// <summary>One user as the list shows it; null when no user has that id.</summary>
    public async Task<UserRow?> FindAsync(string id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id);
        return user is null ? null : (await RowsAsync([user]))[0];
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(IReadOnlyList<ApplicationUser> users)
    {
        var ids = users.Select(user => user.Id).ToList();
        var deviceCounts = await db.OtpDevices.Where(device => device.IsActive && ids.Contains(device.UserId))
            .GroupBy(device => device.UserId)
            .Select(group => new { UserId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.UserId, row => row.Count);
        // Note: as the sign-in's gate counts them, only while the policy lets passkeys be used.
        var passkeyCounts = twoStep.PasskeysInUse
            ? await db.UserPasskeys.Where(passkey => ids.Contains(passkey.UserId))
                .GroupBy(passkey => passkey.UserId)
                .Select(group => new { UserId = group.Key, Count = group.Count() })
                .ToDictionaryAsync(row => row.UserId, row => row.Count)
            : [];
        var roles = (await db.UserRoles.Where(link => ids.Contains(link.UserId))
                .Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, role.Name })
                .ToListAsync())
            .ToLookup(row => row.UserId, row => row.Name ?? "");
        var now = time.GetUtcNow();
        return [.. users.Select(user => new UserRow(
            user.Id,
            user.Email ?? "",
            user.DisplayName,
            [.. roles[user.Id].Order(StringComparer.OrdinalIgnoreCase)],
            deviceCounts.GetValueOrDefault(user.Id),
            passkeyCounts.GetValueOrDefault(user.Id),
            TwoStepSuspension.IsActive(user, now),
            user.LockoutEnabled && user.LockoutEnd > now ? user.LockoutEnd : null,
            user.IsDisabled,
            user.LastSignInAt,
            user.CreatedAt,
            user.GivenName,
            user.FamilyName,
            string.IsNullOrEmpty(user.PhoneNumber) ? null : user.PhoneNumber,
            user.PhoneNumberConfirmed,
            user.ProfileUpdatedAt ?? user.CreatedAt))];
    }
}
