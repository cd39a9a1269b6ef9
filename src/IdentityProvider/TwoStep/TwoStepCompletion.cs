using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.Users;

namespace IdentityProvider.TwoStep;

/// <summary>
/// Ends the OTP step: issues the session after a correct code, or counts a failure toward the account
/// lockout, which also ends the half-finished sign-in so the password must be entered again.
/// </summary>
public sealed class TwoStepCompletion(
    ClockedUserManager users,
    RememberedBrowsers rememberedBrowsers,
    TwoStepPolicy policy,
    PendingSignIn pending,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time)
{
    public async Task<bool> CanRememberBrowserAsync(ApplicationUser user) => await RememberBrowserDaysAsync(user) > 0;

    private async Task<int> RememberBrowserDaysAsync(ApplicationUser user) => policy.RememberBrowserDaysFor(await users.GetRolesAsync(user));

    /// <param name="method">What proved the second step, for the security log (e.g. "authenticator app").</param>
    public Task CompleteAsync(ApplicationUser user, bool rememberBrowser, string method) =>
        CompleteAsync(user, rememberBrowser, method, SessionProof.FirstStepAndOtp);

    /// <summary>A passkey proved the second step (<c>amr</c> <c>["pwd","hwk","mfa"]</c>).</summary>
    public Task CompleteWithPasskeyAsync(ApplicationUser user, bool rememberBrowser, string passkeyName) =>
        CompleteAsync(user, rememberBrowser, $"passkey \"{passkeyName}\"", SessionProof.FirstStepAndPasskey);

    private async Task CompleteAsync(ApplicationUser user, bool rememberBrowser, string method, Func<string, DateTimeOffset, SessionProof> proofOf)
    {
        await users.ResetAccessFailedCountAsync(user);
        if (rememberBrowser && await RememberBrowserDaysAsync(user) is > 0 and var rememberDays)
        {
            await rememberedBrowsers.RememberAsync(user, rememberDays);
        }

        // Note: amr names what replaced the password when an external provider (fed) or a passkey (hwk) did.
        var firstStep = (await pending.ReadAsync())?.FirstStep ?? AuthenticationMethods.Password;
        await pending.EndAsync();
        var proof = proofOf(firstStep, time.GetUtcNow());
        await sessions.SignInAsync(user, proof);
        await securityLog.WriteAsync(SecurityEventKinds.SignInSucceeded, user.Id, $"{TwoStepGate.Describe(firstStep)} and {method}", methods: proof.Methods);
    }

    /// <summary>Two consecutive codes brought <paramref name="device"/> back into its window: logged, then the sign-in completes.</summary>
    public async Task CompleteAfterResyncAsync(ApplicationUser user, OtpDevice device)
    {
        await securityLog.WriteAsync(SecurityEventKinds.OtpResynchronised, user.Id, $"device \"{device.Name}\"");
        await CompleteAsync(user, rememberBrowser: false, $"resynchronised \"{device.Name}\"");
    }

    /// <summary>A recovery code was spent instead of a one-time password: logged with how many are left, then the sign-in completes.</summary>
    public async Task CompleteWithRecoveryCodeAsync(ApplicationUser user, int codesLeft)
    {
        await securityLog.WriteAsync(SecurityEventKinds.RecoveryCodeUsed, user.Id, $"{codesLeft} unused codes left");
        await CompleteAsync(user, rememberBrowser: false, "recovery code");
    }

    /// <summary>Counts a failed code; true when the account is now locked (the pending sign-in is then over).</summary>
    public async Task<bool> RecordFailureAsync(ApplicationUser user, string failureKind)
    {
        // TwoStep:MaxFailedAttempts may be lower than the password lockout threshold; the counter is shared.
        var lockedNow = await users.RecordFailureAsync(user, policy.MaxFailedAttempts);
        await securityLog.WriteAsync(failureKind, user.Id);
        if (lockedNow)
        {
            // Only the failure that locked logs it (and mails the owner), however many were counted at once.
            await securityLog.WriteAsync(SecurityEventKinds.LockedOut, user.Id, "after failed one-time passwords");
        }

        var locked = lockedNow || await users.IsLockedOutAsync(user);
        if (locked)
        {
            await pending.EndAsync();
        }

        return locked;
    }
}
