using IdentityProvider.Auditing;
using IdentityProvider.Policy;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;

namespace IdentityProvider.Passkeys;

/// <summary>
/// "Sign in with a passkey" (the button, or the e-mail field's autofill), when the policy allows passwordless sign-in.
/// A passkey whose authenticator verified the user (PIN or biometric) proves possession and the user at once: both
/// steps, <c>amr</c> <c>["hwk","user","mfa"]</c>. Without user verification it proves the first step only
/// (<c>hwk</c>), and the second step follows as after a password (a one-time password or recovery code, never the same passkey).
/// </summary>
public sealed class PasswordlessSignIn(
    ICurrentPolicy policy,
    PasskeyCeremonies ceremonies,
    TwoStepGate twoStepGate,
    ClockedUserManager users,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time)
{
    public bool IsOffered => policy.Current.Passkeys == PasskeyUse.Passwordless;

    /// <summary>The request options, when passwordless sign-in is offered, bound to this browser (<see cref="PasskeyBrowserBinding"/>).</summary>
    public async Task<PasskeyCeremony?> BeginAsync(HttpContext context) =>
        IsOffered ? await ceremonies.BeginPasswordlessAsync(PasskeyBrowserBinding.Issue(context)) : null;

    /// <param name="mfaDemanded">The relying party asked for two steps (acr_values=mfa or phr).</param>
    /// <param name="freshSignIn">prompt=login or max_age: a remembered browser does not count.</param>
    /// <returns>What comes next (the session was issued, or the second step or enrolment is owed), or why it was refused.</returns>
    public async Task<(TwoStepNext Next, PasskeyRefusal Refusal)> SignInAsync(
        HttpContext context, string? state, string credentialJson, bool mfaDemanded, bool freshSignIn)
    {
        if (!IsOffered)
        {
            return (default, PasskeyRefusal.Invalid);
        }

        var result = await ceremonies.VerifyPasswordlessAsync(state, credentialJson, PasskeyBrowserBinding.Read(context));
        if (!result.Succeeded)
        {
            return (default, result.Refusal);
        }

        var user = result.User!;
        if (!result.UserVerified)
        {
            return (await twoStepGate.AfterFirstStepAsync(user, mfaDemanded, freshSignIn, AuthenticationMethods.HardwareKey), PasskeyRefusal.None);
        }

        await users.ResetAccessFailedCountAsync(user);
        var proof = SessionProof.VerifiedPasskey(time.GetUtcNow());
        await sessions.SignInAsync(user, proof);
        await securityLog.WriteAsync(SecurityEventKinds.SignInSucceeded, user.Id, $"passkey \"{result.Passkey!.Name}\" with user verification", methods: proof.Methods);
        return (TwoStepNext.SignedIn, PasskeyRefusal.None);
    }
}
