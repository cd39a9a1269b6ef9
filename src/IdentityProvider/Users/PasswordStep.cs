using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Users;

/// <summary>How a password step ended; every way but <see cref="Succeeded"/> is refused and logged.</summary>
public enum PasswordStepOutcome
{
    /// <summary>The address must wait (<see cref="SignInThrottle"/>): refused before the password is checked.</summary>
    Throttled,

    /// <summary>An unknown account or a wrong password.</summary>
    Refused,

    /// <summary>The account is locked or disabled, or this wrong password locked it.</summary>
    Unavailable,

    Succeeded,
}

/// <param name="Attempt">The throttle's answer (how long to wait when <see cref="PasswordStepOutcome.Throttled"/>).</param>
public sealed record PasswordStepResult(PasswordStepOutcome Outcome, SignInAttempt Attempt);

/// <summary>
/// The password step, for the sign-in page and for linking an upstream account to a local one: the address's delays
/// first, then the account, then the password with the lockout; every refusal is written to the security log.
/// Warning: an unknown, locked or disabled account costs a password hash too, so the time taken never tells which
/// accounts exist or are locked; the typed e-mail is never logged (people type passwords into the wrong field).
/// </summary>
public sealed class PasswordStep(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SignInThrottle throttle,
    SecurityLog securityLog)
{
    /// <param name="email">As typed (the throttle's key with the address).</param>
    /// <param name="user">The account the e-mail names, or null when none does.</param>
    /// <param name="detail">What the step is for, in the log (e.g. linking an upstream account); null at the sign-in page.</param>
    public async Task<PasswordStepResult> CheckAsync(IPAddress? address, string email, ApplicationUser? user, string password, string? detail = null)
    {
        var attempt = throttle.TryBegin(address, email);
        if (!attempt.IsAllowed)
        {
            // Refused before the password is checked, for known and unknown e-mails alike: it counts toward no lockout.
            await securityLog.WriteAsync(SecurityEventKinds.SignInThrottled, user?.Id, detail);
            return new(PasswordStepOutcome.Throttled, attempt);
        }

        if (user is null)
        {
            UnknownAccountDelay.VerifyDummyPassword(users.PasswordHasher, password);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordFailed, null, Joined("unknown account", detail));
            return new(PasswordStepOutcome.Refused, attempt);
        }

        if (await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            // Identity would refuse these before hashing the password: spend the hash's time anyway.
            UnknownAccountDelay.VerifyDummyPassword(users.PasswordHasher, password);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordFailed, user.Id, Joined(user.IsDisabled ? "account disabled" : "account locked", detail));
            return new(PasswordStepOutcome.Unavailable, attempt);
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await securityLog.WriteAsync(result.IsLockedOut ? SecurityEventKinds.LockedOut : SecurityEventKinds.PasswordFailed, user.Id, detail);
            return new(result.IsLockedOut ? PasswordStepOutcome.Unavailable : PasswordStepOutcome.Refused, attempt);
        }

        throttle.Succeeded(address, email);
        return new(PasswordStepOutcome.Succeeded, attempt);
    }

    private static string Joined(string reason, string? detail) => detail is null ? reason : $"{reason}; {detail}";
}
