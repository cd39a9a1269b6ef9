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

/// <summary>Decides what follows the first step (a correct password, or an external provider): the session, the OTP step, or enrolment.</summary>
public sealed class TwoStepGate(
    SecondStepMethods secondSteps,
    PasskeyRequirement passkeyRequirement,
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
    /// <param name="firstStep">
    /// What the user proved: <c>pwd</c>, <c>fed</c> (an external provider replaced the password, never the second step),
    /// or <c>hwk</c> (a passkey that did not verify the user).
    /// </param>
    /// <param name="passkeyDemanded">The relying party sent acr_values=phr: a user with a passkey is asked for it alone.</param>
    public async Task<TwoStepNext> AfterFirstStepAsync(
        ApplicationUser user, bool mfaDemanded, bool freshSignIn, string firstStep = AuthenticationMethods.Password, bool passkeyDemanded = false)
    {
        var proved = Describe(firstStep);
        // Note: an administrator suspended two-step sign-in (lost device): the password alone signs in, and amr
        // says so (["pwd"]). Warning: not when the relying party demanded two steps (acr_values=mfa); that
        // promise is kept, so the OTP step (a recovery code works there) or enrolment follows as usual.
        if (!mfaDemanded && TwoStepSuspension.IsActive(user, time.GetUtcNow()))
        {
            await SignInWithFirstStepOnlyAsync(user, firstStep, $"{proved}; two-step sign-in suspended by an administrator");
            return TwoStepNext.SignedIn;
        }

        // A role that requires a passkey asks for it as acr_values=phr does (a user without one adds it at the authorization endpoint).
        if ((await passkeyRequirement.ForAsync(user)).Demanded)
        {
            mfaDemanded = true;
            passkeyDemanded = true;
        }

        if (await secondSteps.HasAnyAsync(user.Id))
        {
            if (!mfaDemanded && !freshSignIn && await rememberedBrowsers.IsRememberedAsync(user))
            {
                // Note: reported truthfully: the OTP step did not run, so amr is ["pwd"] (or ["fed"]).
                await SignInWithFirstStepOnlyAsync(user, firstStep, $"{proved}; one-time password skipped on a remembered browser");
                return TwoStepNext.SignedIn;
            }

            // Note: a user without a passkey who is asked for one proves the OTP step first; the authorization endpoint
            // then asks them to add one.
            await pending.StartAsync(user, mfaDemanded, firstStep, passkeyDemanded && await secondSteps.HasPasskeyAsync(user.Id));
            return TwoStepNext.OneTimePassword;
        }

        if (mfaDemanded || policy.IsRequiredFor(await users.GetRolesAsync(user)))
        {
            await pending.StartAsync(user, mfaDemanded, firstStep);
            return TwoStepNext.Enrolment;
        }

        await SignInWithFirstStepOnlyAsync(user, firstStep, proved);
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

        var until = policy.GraceEndsAt(user.TwoStepGraceStartedAt.Value);
        return until > time.GetUtcNow() ? until : null;
    }

    /// <summary>Signs in with the first step alone after the user postponed enrolment within the grace period.</summary>
    public async Task PostponeAsync(PendingUser pendingUser)
    {
        await pending.EndAsync();
        await SignInWithFirstStepOnlyAsync(pendingUser.User, pendingUser.FirstStep, $"{Describe(pendingUser.FirstStep)}; two-step enrolment postponed");
    }

    /// <summary>The first step as the security log names it.</summary>
    public static string Describe(string firstStep) => firstStep switch
    {
        AuthenticationMethods.Federated => "external account",
        AuthenticationMethods.HardwareKey => "passkey without user verification",
        _ => "password",
    };

    /// <summary>Issues the session for a sign-in whose OTP step did not run: amr says ["pwd"] (or ["fed"]), truthfully.</summary>
    private async Task SignInWithFirstStepOnlyAsync(ApplicationUser user, string firstStep, string detail)
    {
        var proof = SessionProof.FirstStepOnly(firstStep, time.GetUtcNow());
        await sessions.SignInAsync(user, proof);
        await securityLog.WriteAsync(SecurityEventKinds.SignInSucceeded, user.Id, detail, methods: proof.Methods);
    }
}
