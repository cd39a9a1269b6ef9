using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Sessions;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.AccountOverview;

/// <summary>
/// The signed-in user's own security events (<c>/Manage/Activity</c>), newest first, a page at a time.
/// Warning: the user id always comes from the caller's session, never from the request, so nobody reads
/// another account's activity.
/// </summary>
public sealed class SecurityActivity(ApplicationDbContext db)
{
    public const int PageSize = 20;

    /// <summary>Beyond this page number a request is answered with the last page that could exist, not an overflow.</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// The kinds the owner sees: sign-ins and their failures, changes to devices, recovery codes, tokens, password
    /// and links, and what administrators did to the account. Not shown: consent, token use (a script may use a
    /// token every minute) and the admin area's own confirmations.
    /// </summary>
    public static IReadOnlyList<string> ShownKinds { get; } =
    [
        SecurityEventKinds.SignInSucceeded, SecurityEventKinds.PasswordFailed, SecurityEventKinds.LockedOut, SecurityEventKinds.SignInThrottled,
        SecurityEventKinds.OtpFailed, SecurityEventKinds.RecoveryCodeFailed, SecurityEventKinds.RecoveryCodeUsed,
        SecurityEventKinds.ExternalSignInRefused, SecurityEventKinds.SignedOut,
        SecurityEventKinds.PasswordChanged, SecurityEventKinds.PasswordResetRequested, SecurityEventKinds.PasswordResetByEmail,
        SecurityEventKinds.PasswordReset, SecurityEventKinds.PasswordLinkIssued, SecurityEventKinds.PasswordSetByLink,
        SecurityEventKinds.DeviceAdded, SecurityEventKinds.DeviceRemoved, SecurityEventKinds.OtpResynchronised,
        SecurityEventKinds.PasskeyAdded, SecurityEventKinds.PasskeyRemoved, SecurityEventKinds.PasskeyUsed, SecurityEventKinds.PasskeyFailed,
        SecurityEventKinds.BrowsersForgotten, SecurityEventKinds.BrowsersForgottenByAdmin,
        SecurityEventKinds.RecoveryCodesGenerated,
        SecurityEventKinds.TwoStepSuspended, SecurityEventKinds.TwoStepRestored,
        SecurityEventKinds.TokenCreated, SecurityEventKinds.TokenRevoked, SecurityEventKinds.TokenPermissionChanged,
        SecurityEventKinds.ExternalLoginLinked, SecurityEventKinds.ExternalLoginUnlinked,
        SecurityEventKinds.NotificationsChanged, SecurityEventKinds.ProfileChanged,
        SecurityEventKinds.UserCreated, SecurityEventKinds.UserUpdated, SecurityEventKinds.UserLocked, SecurityEventKinds.UserUnlocked,
        SecurityEventKinds.UserDisabled, SecurityEventKinds.UserEnabled, SecurityEventKinds.SignedOutEverywhere,
        SecurityEventKinds.HardwareTokenAssigned, SecurityEventKinds.HardwareTokenUnassigned, SecurityEventKinds.HardwareTokenDisabled,
        SecurityEventKinds.HardwareTokenEnabled, SecurityEventKinds.HardwareTokenLost,
        SecurityEventKinds.ImpersonationStarted, SecurityEventKinds.ImpersonationEnded,
    ];

    /// <summary>Page <paramref name="page"/> (1-based; out-of-range numbers are brought into range) of the user's activity, in one query.</summary>
    public async Task<ActivityPage> ReadAsync(string userId, int page)
    {
        var number = Math.Clamp(page, 1, MaxPage);
        var kinds = ShownKinds.ToArray();
        var rows = await db.SecurityEvents.AsNoTracking()
            .Where(row => row.UserId == userId && kinds.Contains(row.Kind))
            .OrderByDescending(row => row.OccurredAt).ThenByDescending(row => row.Id)
            .Skip((number - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(row => new { row.Id, row.OccurredAt, row.Kind, row.ActorId, row.IpAddress, row.UserAgent, row.Methods })
            .ToListAsync();
        var entries = rows.Take(PageSize).Select(row =>
        {
            // Note: an administrator's address and browser are theirs, not the account's: only "an administrator" is shown.
            var byAdministrator = row.ActorId is not null && row.ActorId != userId;
            return new ActivityEntry(
                row.Id,
                row.OccurredAt,
                row.Kind,
                byAdministrator,
                byAdministrator ? null : row.IpAddress,
                byAdministrator ? null : BrowserName.From(row.UserAgent),
                byAdministrator ? null : row.UserAgent,
                row.Methods is null ? null : row.Methods.Split(' ').Contains(AuthenticationMethods.OneTimePassword));
        }).ToList();
        return new ActivityPage(entries, number, rows.Count > PageSize);
    }
}
