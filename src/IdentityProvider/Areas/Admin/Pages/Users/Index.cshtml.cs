using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.RecoveryCodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>The users, searchable by e-mail address, each linking to its two-step sign-in tab.</summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    ILookupNormalizer normalizer,
    ApplicationDbContext db,
    TimeProvider time) : PageModel
{
    /// <summary>More matches than this ask for a narrower search rather than a longer page.</summary>
    public const int PageSize = 50;

    public const int MaxSearchLength = 256;

    /// <summary>Part of an e-mail address; empty lists everyone (the first <see cref="PageSize"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public bool MoreThanShown { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        var search = Email?.Trim() ?? "";
        if (search.Length > MaxSearchLength)
        {
            Message = $"Search with at most {MaxSearchLength} characters.";
            return;
        }

        var query = users.Users.AsNoTracking();
        if (search.Length > 0)
        {
            // Note: the normalized (upper-case) column compares without regard to case on every database.
            var normalized = normalizer.NormalizeEmail(search);
            query = query.Where(user => user.NormalizedEmail != null && user.NormalizedEmail.Contains(normalized));
        }

        var found = await query.OrderBy(user => user.NormalizedEmail).Take(PageSize + 1).ToListAsync();
        MoreThanShown = found.Count > PageSize;
        found = found.Take(PageSize).ToList();

        var ids = found.Select(user => user.Id).ToList();
        var deviceCounts = await db.OtpDevices.Where(device => device.IsActive && ids.Contains(device.UserId))
            .GroupBy(device => device.UserId)
            .Select(group => new { UserId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.UserId, row => row.Count);
        var now = time.GetUtcNow();
        Rows = found.Select(user => new UserRow(
                user.Id,
                user.Email ?? "",
                user.DisplayName,
                deviceCounts.GetValueOrDefault(user.Id),
                TwoStepSuspension.IsActive(user, now)))
            .ToList();
        if (Rows.Count == 0)
        {
            Message = search.Length > 0 ? "No user's e-mail address contains that." : "There are no users yet.";
        }
    }

    public sealed record UserRow(string Id, string Email, string DisplayName, int Devices, bool TwoStepSuspended);
}
