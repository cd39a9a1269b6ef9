using System.Security.Claims;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.Users;

namespace IdentityProvider.TwoStep;

public enum CodeConfirmation
{
    Confirmed,
    Malformed,
    Wrong,

    /// <summary>Wrong, and the account is now locked: the session was ended.</summary>
    LockedOut,
}

/// <summary>
/// A fresh one-time password inside a session (the admin area's rule, and an administrator's change in a session opened
/// as a user): spent like any code (single use), counted toward the lockout when wrong, and recorded in the session as
/// its new second step.
/// </summary>
public sealed class FreshCodeConfirmation(
    ClockedUserManager users,
    OtpDevices devices,
    OtpVerification verification,
    TwoStepPolicy policy,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time)
{
    /// <param name="codeOwner">Whose code it is: the one signed in, or the administrator acting as <paramref name="sessionUser"/>.</param>
    /// <param name="sessionUser">The user the session is of, whose cookie is re-issued.</param>
    /// <param name="purpose">What the code is for, in the security log ("admin area confirmation").</param>
    public async Task<(CodeConfirmation Outcome, Sentence? Error)> ConfirmAsync(
        ApplicationUser codeOwner, ApplicationUser sessionUser, ClaimsPrincipal session, string? input, string purpose)
    {
        var digits = (await devices.ListActiveAsync(codeOwner.Id)).Select(device => device.Digits);
        if (!OtpCodeInput.TryNormalizeAny(input, digits, out var code, out var error))
        {
            return (CodeConfirmation.Malformed, error.Message!);
        }

        if (await verification.TryAcceptAsync(codeOwner.Id, code) is not { } device)
        {
            await users.RecordFailureAsync(codeOwner, policy.MaxFailedAttempts);
            await securityLog.WriteAsync(SecurityEventKinds.OtpFailed, codeOwner.Id, purpose);
            if (await users.IsLockedOutAsync(codeOwner))
            {
                await sessions.SignOutAsync();
                return (CodeConfirmation.LockedOut, null);
            }

            return (CodeConfirmation.Wrong, new Sentence("Confirm.WrongCode"));
        }

        await users.ResetAccessFailedCountAsync(codeOwner);
        var now = time.GetUtcNow();
        var proof = SessionProof.From(session) ?? SessionProof.PasswordAndOtp(now);
        await sessions.SignInAsync(sessionUser, proof with { SecondStepAt = now });
        await securityLog.WriteAsync(SecurityEventKinds.AdminCodeConfirmed, codeOwner.Id, $"{purpose}: one-time password from \"{device.Name}\"");
        return (CodeConfirmation.Confirmed, null);
    }
}
