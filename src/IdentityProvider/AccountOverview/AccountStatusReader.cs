using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Settings;
using IdentityProvider.TwoStep;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.AccountOverview;

/// <summary>
/// Reads what the account page shows at a glance. Note: the page opens after every sign-in without a return
/// address, so it costs two round trips whatever the account holds: one query for the user's row with every count
/// and latest moment as a subquery (never a list loaded to be counted), and one for the linked accounts' names.
/// </summary>
public sealed class AccountStatusReader(
    ApplicationDbContext db,
    TwoStepPolicy twoStepPolicy,
    PasskeyRequirement passkeyRequirement,
    TokenPolicy tokenPolicy,
    ProviderSettings settings,
    TimeProvider time)
{
    /// <summary>The user's account page state; null when the account no longer exists.</summary>
    public async Task<AccountStatus?> ReadAsync(string userId)
    {
        var now = time.GetUtcNow();
        var activeToken = TokenSummary.ActiveAt(now);
        var row = await db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new
            {
                User = user,
                ActiveDevices = db.OtpDevices.Count(device => device.UserId == userId && device.IsActive),
                HardwareTokens = db.OtpDevices.Count(device => device.UserId == userId && device.IsActive && device.HardwareTokenId != null),
                LastDeviceUse = db.OtpDevices
                    .Where(device => device.UserId == userId && device.IsActive && device.LastUsedAt != null)
                    .OrderByDescending(device => device.LastUsedAt)
                    .Select(device => device.LastUsedAt)
                    .FirstOrDefault(),
                Passkeys = db.UserPasskeys.Count(passkey => passkey.UserId == userId),
                RecoveryCodesLeft = db.RecoveryCodes.Count(code => code.UserId == userId && code.SpentAt == null),
                RecoveryCodesTotal = db.RecoveryCodes.Count(code => code.UserId == userId),
                RememberedBrowsers = db.RememberedBrowsers.Count(browser => browser.UserId == userId && browser.ExpiresAt > now),
                ActiveTokens = db.PersonalAccessTokens.Where(token => token.UserId == userId).Count(activeToken),
                NearestTokenExpiry = db.PersonalAccessTokens
                    .Where(token => token.UserId == userId && token.RevokedAt == null && token.ExpiresAt != null && token.ExpiresAt > now)
                    .OrderBy(token => token.ExpiresAt)
                    .Select(token => token.ExpiresAt)
                    .FirstOrDefault(),
                // Note: no column records the last password change; the security log does, for every way a password changes.
                PasswordChangedAt = db.SecurityEvents
                    .Where(securityEvent => securityEvent.UserId == userId
                        && (securityEvent.Kind == SecurityEventKinds.PasswordChanged
                            || securityEvent.Kind == SecurityEventKinds.PasswordReset
                            || securityEvent.Kind == SecurityEventKinds.PasswordSetByLink
                            || securityEvent.Kind == SecurityEventKinds.PasswordResetByEmail))
                    .OrderByDescending(securityEvent => securityEvent.OccurredAt)
                    .Select(securityEvent => (DateTimeOffset?)securityEvent.OccurredAt)
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        // A list, not a count: its own (second) round trip, since a collection beside these subqueries needs SQL APPLY, which SQLite lacks.
        var linkedProviders = await db.ExternalLogins.AsNoTracking()
            .Where(link => link.UserId == userId).OrderBy(link => link.LinkedAt).Select(link => link.ProviderId).ToListAsync();
        var user = row.User;
        var suspended = TwoStepSuspension.IsActive(user, now);
        var passkeysOn = twoStepPolicy.PasskeysInUse;
        var twoStep = suspended ? TwoStepState.Suspended
            : row.ActiveDevices > 0 || (passkeysOn && row.Passkeys > 0) ? TwoStepState.On
            : TwoStepState.Off;
        return new AccountStatus(
            user.DisplayName,
            user.Email ?? "",
            string.IsNullOrEmpty(user.PhoneNumber) ? null : user.PhoneNumber,
            user.CreatedAt,
            twoStep,
            suspended && !user.TwoStepDisabledIndefinitely ? user.TwoStepDisabledUntil : null,
            row.ActiveDevices,
            row.HardwareTokens > 0,
            row.LastDeviceUse,
            row.Passkeys,
            passkeysOn || row.Passkeys > 0,
            (await passkeyRequirement.ForAsync(user)).GraceEndsAt,
            twoStepPolicy.RecoveryCodesEnabled,
            row.RecoveryCodesLeft,
            row.RecoveryCodesTotal,
            row.RememberedBrowsers,
            tokenPolicy.IsAllowedFor(user.SignInByToken),
            row.ActiveTokens,
            row.NearestTokenExpiry,
            user.PasswordHash is not null,
            [.. linkedProviders.Select(NameOf)],
            row.PasswordChangedAt);
    }

    /// <summary>The provider's name as configured (its id when it was removed from the configuration).</summary>
    private string NameOf(string providerId) =>
        settings.ExternalProviders.FirstOrDefault(provider => provider.Id == providerId)?.Name ?? providerId;
}
