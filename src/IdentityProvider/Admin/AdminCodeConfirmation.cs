using System.Security.Claims;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;

namespace IdentityProvider.Admin;

public enum CodeConfirmation
{
    Confirmed,
    Malformed,
    Wrong,

    /// <summary>Wrong, and the account is now locked: the session was ended.</summary>
    LockedOut,
}

/// <summary>
/// A fresh one-time password inside an administrator's session (<see cref="AdminSession.ChangeWindow"/>): spent like
/// any code (single use), counted toward the lockout when wrong, and recorded in the session as its new second step.
/// </summary>
public sealed class AdminCodeConfirmation(
    ClockedUserManager users,
    OtpDevices devices,
    OtpVerification verification,
    TwoStepPolicy policy,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time)
{
    public async Task<(CodeConfirmation Outcome, Sentence? Error)> ConfirmAsync(ApplicationUser user, ClaimsPrincipal session, string? input)
    {
        var digits = (await devices.ListActiveAsync(user.Id)).Select(device => device.Digits);
        if (!OtpCodeInput.TryNormalizeAny(input, digits, out var code, out var error))
        {
            return (CodeConfirmation.Malformed, error.Message!);
        }

        if (await verification.TryAcceptAsync(user.Id, code) is not { } device)
        {
            await users.RecordFailureAsync(user, policy.MaxFailedAttempts);
            await securityLog.WriteAsync(SecurityEventKinds.OtpFailed, user.Id, "admin area confirmation");
            if (await users.IsLockedOutAsync(user))
            {
                await sessions.SignOutAsync();
                return (CodeConfirmation.LockedOut, null);
            }

            return (CodeConfirmation.Wrong, new Sentence("Confirm.WrongCode"));
        }

        await users.ResetAccessFailedCountAsync(user);
        var now = time.GetUtcNow();
        var proof = SessionProof.From(session) ?? SessionProof.PasswordAndOtp(now);
        await sessions.SignInAsync(user, proof with { SecondStepAt = now });
        await securityLog.WriteAsync(SecurityEventKinds.AdminCodeConfirmed, user.Id, $"one-time password from \"{device.Name}\"");
        return (CodeConfirmation.Confirmed, null);
    }
}
