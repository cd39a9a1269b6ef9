using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;

namespace IdentityProvider.PasswordReset;

/// <summary>
/// Warning: a reset link proves only access to the mailbox. For a user with two-step sign-in on, the reset page
/// also asks for a one-time password or a recovery code (as GitHub does), checked by the same single-use services as
/// the sign-in; a wrong one counts toward the same lockout, and a locked account is not checked at all.
/// </summary>
public sealed class ResetSecondStep(
    ClockedUserManager users,
    OtpDevices devices,
    OtpVerification verification,
    RecoveryCodeStore recoveryCodes,
    TwoStepPolicy policy,
    SecurityLog securityLog,
    TimeProvider time)
{
    /// <summary>Whether the reset of <paramref name="user"/> asks for a code: an active device, and two-step not suspended by an administrator.</summary>
    public async Task<bool> IsRequiredAsync(ApplicationUser user) =>
        !TwoStepSuspension.IsActive(user, time.GetUtcNow()) && await devices.HasActiveAsync(user.Id);

    /// <summary>Checks and spends <paramref name="code"/>; null when accepted, else why not.</summary>
    public async Task<ResetOutcome?> CheckAsync(ApplicationUser user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return ResetOutcome.Locked;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return ResetOutcome.CodeMissing;
        }

        // Note: a recovery code has letters or 16 symbols; a one-time password 6 or 8 digits. Neither is ever logged.
        var isRecoveryCode = RecoveryCodeFormat.TryNormalize(code, out _);
        var accepted = isRecoveryCode
            ? policy.RecoveryCodesEnabled && await recoveryCodes.TryRedeemAsync(user.Id, code) == RecoveryCodeResult.Accepted
            : await TryOtpAsync(user, code);
        if (accepted)
        {
            await users.ResetAccessFailedCountAsync(user);
            if (isRecoveryCode)
            {
                var left = (await recoveryCodes.StatusAsync(user.Id)).Remaining;
                await securityLog.WriteAsync(SecurityEventKinds.RecoveryCodeUsed, user.Id, $"{left} unused codes left; during a password reset");
            }

            return null;
        }

        var lockedNow = await users.RecordFailureAsync(user, policy.MaxFailedAttempts);
        await securityLog.WriteAsync(isRecoveryCode ? SecurityEventKinds.RecoveryCodeFailed : SecurityEventKinds.OtpFailed, user.Id, "during a password reset");
        if (lockedNow)
        {
            await securityLog.WriteAsync(SecurityEventKinds.LockedOut, user.Id, "after failed codes during a password reset");
        }

        if (lockedNow || await users.IsLockedOutAsync(user))
        {
            return ResetOutcome.Locked;
        }

        return ResetOutcome.CodeRejected;
    }

    private async Task<bool> TryOtpAsync(ApplicationUser user, string code)
    {
        var digits = (await devices.ListActiveAsync(user.Id)).Select(device => device.Digits);
        return OtpCodeInput.TryNormalizeAny(code, digits, out var normalized, out _)
            && await verification.TryAcceptAsync(user.Id, normalized) is not null;
    }
}
