using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.TwoStep;

public enum TwoStepNext
{
    /// <summary>The session was issued: no OTP step was owed.</summary>
    SignedIn,

    /// <summary>The OTP page comes next.</summary>
    OneTimePassword,

    /// <summary>The user must (or, within the grace period, may) enrol a device first.</summary>
    Enrolment,
}

/// <summary>Decides what follows a correct password: the session, the OTP step, or enrolment.</summary>
public sealed class TwoStepGate(
    OtpDevices devices,
    RememberedBrowsers rememberedBrowsers,
    TwoStepPolicy policy,
    UserManager<ApplicationUser> users,
    PendingSignIn pending,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time)
{
    /// <param name="mfaDemanded">The relying party sent acr_values=mfa.</param>
    /// <param name="freshSignIn">prompt=login or max_age: both steps again, a remembered browser does not count.</param>
    public async Task<TwoStepNext> AfterPasswordAsync(ApplicationUser user, bool mfaDemanded, bool freshSignIn)
    {
        // Note: an administrator suspended two-step sign-in (lost device): the password alone signs in, and amr
        // says so (["pwd"]). Warning: not when the relying party demanded two steps (acr_values=mfa); that
        // promise is kept, so the OTP step (a recovery code works there) or enrolment follows as usual.
        if (!mfaDemanded && TwoStepSuspension.IsActive(user, time.GetUtcNow()))
        {
            await SignInWithPasswordOnlyAsync(user, "password; two-step sign-in suspended by an administrator");
            return TwoStepNext.SignedIn;
        }

        if (await devices.HasActiveAsync(user.Id))
        {
            if (!mfaDemanded && !freshSignIn && await rememberedBrowsers.IsRememberedAsync(user))
            {
                // Note: reported truthfully: the OTP step did not run, so amr is ["pwd"].
                await SignInWithPasswordOnlyAsync(user, "password; one-time password skipped on a remembered browser");
                return TwoStepNext.SignedIn;
            }

            await pending.StartAsync(user, mfaDemanded);
            return TwoStepNext.OneTimePassword;
        }

        if (mfaDemanded || policy.IsRequiredFor(await users.GetRolesAsync(user)))
        {
            await pending.StartAsync(user, mfaDemanded);
            return TwoStepNext.Enrolment;
        }

        await SignInWithPasswordOnlyAsync(user, "password");
        return TwoStepNext.SignedIn;
    }

    /// <summary>
    /// Until when the user may postpone enrolment; null when not (the grace period is over, or the relying
    /// party demanded two steps). The grace period starts the first time the policy asks.
    /// </summary>
    public async Task<DateTimeOffset?> PostponableUntilAsync(PendingUser pendingUser)
    {
        var user = pendingUser.User;
        if (pendingUser.MfaDemanded || !policy.IsRequiredFor(await users.GetRolesAsync(user)))
        {
            return null;
        }

        if (user.TwoStepGraceStartedAt is null)
        {
            user.TwoStepGraceStartedAt = time.GetUtcNow();
            await users.UpdateAsync(user);
        }

        var until = user.TwoStepGraceStartedAt.Value + policy.GracePeriod;
        return until > time.GetUtcNow() ? until : null;
    }

    /// <summary>Signs in with the password alone after the user postponed enrolment within the grace period.</summary>
    public async Task PostponeAsync(ApplicationUser user)
    {
        await pending.EndAsync();
        await SignInWithPasswordOnlyAsync(user, "password; two-step enrolment postponed");
    }

    /// <summary>Issues the session for a sign-in whose OTP step did not run: amr says ["pwd"], truthfully.</summary>
    private async Task SignInWithPasswordOnlyAsync(ApplicationUser user, string detail)
    {
        await sessions.SignInAsync(user, SessionProof.PasswordOnly(time.GetUtcNow()));
        await securityLog.WriteAsync(SecurityEventKinds.SignInSucceeded, user.Id, detail);
    }
}
