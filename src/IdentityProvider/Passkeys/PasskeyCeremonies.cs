using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Passkeys;

/// <summary>
/// The two WebAuthn ceremonies on Identity's handler (<see cref="IPasskeyHandler{TUser}"/>: options, attestation and
/// assertion checks; nothing of WebAuthn is verified here): adding a passkey to a signed-in user's account, and a passkey
/// as the second step of a user already identified. Each begins with options and a state (<see cref="PasskeyCeremonyState"/>:
/// single use, 5 minutes, any instance) and ends with the browser's answer; a refusal is a result, never an exception,
/// and stores nothing.
/// </summary>
public sealed class PasskeyCeremonies(
    ClockedUserManager users,
    TwoStepPolicy policy,
    SignInManager<ApplicationUser> signIns,
    IPasskeyHandler<ApplicationUser> handler,
    PasskeyCeremonyState ceremonyState,
    UserPasskeys userPasskeys,
    SecurityLog securityLog,
    IHttpContextAccessor httpContextAccessor,
    ILogger<PasskeyCeremonies> logger)
{
    /// <summary>Creation options for a new passkey of the user (their passkeys excluded); null for an unknown user.</summary>
    public async Task<PasskeyCeremony?> BeginAddingAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var name = user.Email ?? user.UserName ?? user.Id;
        var entity = new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = user.DisplayName is { Length: > 0 } shown ? shown : name };
        var options = await handler.MakeCreationOptionsAsync(entity, HttpContext);
        return new PasskeyCeremony(options.CreationOptionsJson, await ceremonyState.KeepAsync(PasskeyCeremonyState.Creation, user.Id, StateOf(options.AttestationState)));
    }

    /// <summary>
    /// Checks the authenticator's new credential against the options of <paramref name="state"/> and stores it on the
    /// user, named <paramref name="name"/> (or <see cref="UserPasskeys.DefaultName"/>), logged as <c>passkey.added</c>.
    /// </summary>
    public async Task<PasskeyAdding> FinishAddingAsync(string userId, string? state, string credentialJson, string? name = null)
    {
        var chosenName = UserPasskeys.DefaultName;
        if (name is not null && !UserPasskeys.TryName(name, out chosenName, out var nameError))
        {
            return PasskeyAdding.Refused(PasskeyRefusal.Name, nameError);
        }

        if (await ceremonyState.SpendAsync(state, PasskeyCeremonyState.Creation, userId) is not { } attestationState
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return PasskeyAdding.Refused(PasskeyRefusal.CeremonyExpired);
        }

        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext
        {
            HttpContext = HttpContext,
            CredentialJson = credentialJson,
            AttestationState = attestationState,
        });
        if (!result.Succeeded || result.UserEntity.Id != user.Id)
        {
            logger.LogInformation("Passkey attestation for user {UserId} refused: {Reason}", userId, result.Failure?.Message);
            return PasskeyAdding.Refused(result.Succeeded ? PasskeyRefusal.CeremonyExpired : Classify(result.Failure));
        }

        var passkey = result.Passkey;
        passkey.Name = chosenName;
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!stored.Succeeded)
        {
            throw new InvalidOperationException($"Storing a passkey failed: {string.Join(", ", stored.Errors.Select(error => error.Code))}.");
        }

        await securityLog.WriteAsync(SecurityEventKinds.PasskeyAdded, user.Id, $"\"{chosenName}\"");
        return new PasskeyAdding(PasskeySummary.Of(passkey), PasskeyRefusal.None);
    }

    /// <summary>Request options for a second step with one of the user's passkeys; null when the user has none.</summary>
    /// <param name="binding">The pending sign-in's id: the answer is accepted from that sign-in only.</param>
    public async Task<PasskeyCeremony?> BeginSecondStepAsync(string userId, string? binding = null)
    {
        if (await users.FindByIdAsync(userId) is not { } user || (await users.GetPasskeysAsync(user)).Count == 0)
        {
            return null;
        }

        var options = await handler.MakeRequestOptionsAsync(user, HttpContext);
        return new PasskeyCeremony(options.RequestOptionsJson, await ceremonyState.KeepAsync(PasskeyCeremonyState.Request, user.Id, StateOf(options.AssertionState), binding));
    }

    /// <summary>
    /// Checks the authenticator's assertion for the user of the pending sign-in: one of their passkeys, this origin, the
    /// challenge of <paramref name="state"/> (once), a counter that moved on. The passkey's new counter is stored and the
    /// use logged (<c>passkey.used</c>); a counter that did not move is refused and logged as a possible clone. A refused
    /// answer for a known user counts toward the lockout as a failed second step (<c>sign-in.passkey-failed</c>), and the
    /// failure that locks the account says so (<see cref="PasskeyRefusal.LockedOut"/>, <c>sign-in.locked-out</c>).
    /// </summary>
    public async Task<PasskeyStep> VerifySecondStepAsync(string userId, string? state, string credentialJson, string? binding = null)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return PasskeyStep.Refused(PasskeyRefusal.CeremonyExpired);
        }

        if (await ceremonyState.SpendAsync(state, PasskeyCeremonyState.Request, userId, binding) is not { } assertionState)
        {
            return await FailedAsync(user, PasskeyRefusal.CeremonyExpired);
        }

        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = HttpContext,
            CredentialJson = credentialJson,
            AssertionState = assertionState,
        });
        if (!result.Succeeded || result.User.Id != user.Id)
        {
            var refusal = result.Succeeded ? PasskeyRefusal.NotRegistered : Classify(result.Failure);
            if (refusal == PasskeyRefusal.PossibleClone)
            {
                logger.LogWarning("Passkey of user {UserId} refused: its signature counter did not increase, the authenticator may be cloned", userId);
            }
            else
            {
                logger.LogInformation("Passkey assertion for user {UserId} refused: {Reason}", userId, result.Failure?.Message);
            }

            return await FailedAsync(user, refusal);
        }

        await StoreUseAsync(user, result.Passkey);
        return new PasskeyStep(PasskeySummary.Of(result.Passkey), PasskeyRefusal.None);
    }

    /// <summary>
    /// Request options for a sign-in without a password: no user is named, so the browser offers the discoverable passkeys
    /// it holds for this relying party (the button, or the e-mail field's autofill).
    /// </summary>
    /// <param name="binding">Something only the browser that asked holds (a cookie): the answer is accepted from it only.</param>
    public async Task<PasskeyCeremony> BeginPasswordlessAsync(string? binding = null)
    {
        var options = await handler.MakeRequestOptionsAsync(user: null, HttpContext);
        return new PasskeyCeremony(options.RequestOptionsJson, await ceremonyState.KeepAsync(PasskeyCeremonyState.Request, AnyUser, StateOf(options.AssertionState), binding));
    }

    /// <summary>
    /// Checks a passwordless assertion: the challenge of <paramref name="state"/> (once), this origin, a credential of some
    /// account whose user handle matches, a counter that moved on. The account must be able to sign in (not locked or
    /// disabled). A refused answer for a credential that names an account counts toward that account's lockout; an
    /// unknown credential counts toward nothing (there is nobody to lock), and the page's rate limit holds it back.
    /// </summary>
    public async Task<PasskeyPasswordless> VerifyPasswordlessAsync(string? state, string credentialJson, string? binding = null)
    {
        if (await ceremonyState.SpendAsync(state, PasskeyCeremonyState.Request, AnyUser, binding) is not { } assertionState)
        {
            return PasskeyPasswordless.Refused(PasskeyRefusal.CeremonyExpired);
        }

        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = HttpContext,
            CredentialJson = credentialJson,
            AssertionState = assertionState,
        });
        if (!result.Succeeded)
        {
            var refusal = Classify(result.Failure);
            logger.LogInformation("Passwordless passkey assertion refused: {Reason}", result.Failure?.Message);
            return CredentialIds.Decode(AssertionFlags.CredentialIdOf(credentialJson)) is { } credentialId
                && await users.FindByPasskeyIdAsync(credentialId) is { } owner
                ? PasskeyPasswordless.Refused((await FailedAsync(owner, refusal)).Refusal)
                : PasskeyPasswordless.Refused(refusal);
        }

        var user = result.User;
        if (await users.IsLockedOutAsync(user) || !await signIns.CanSignInAsync(user))
        {
            await securityLog.WriteAsync(SecurityEventKinds.PasskeyFailed, user.Id, user.IsDisabled ? "account disabled" : "account locked");
            return PasskeyPasswordless.Refused(PasskeyRefusal.Unavailable);
        }

        await StoreUseAsync(user, result.Passkey);
        return new PasskeyPasswordless(user, PasskeySummary.Of(result.Passkey), AssertionFlags.UserVerified(credentialJson), PasskeyRefusal.None);
    }

    /// <summary>The passkey's new counter and backup state, and the use in the security log.</summary>
    private async Task StoreUseAsync(ApplicationUser user, UserPasskeyInfo passkey)
    {
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!stored.Succeeded)
        {
            throw new InvalidOperationException($"Updating a passkey failed: {string.Join(", ", stored.Errors.Select(error => error.Code))}.");
        }

        await userPasskeys.RecordUseAsync(passkey.CredentialId);
        await securityLog.WriteAsync(SecurityEventKinds.PasskeyUsed, user.Id, $"\"{passkey.Name}\"");
    }

    /// <summary>A refused second step: logged and counted toward the lockout, as a wrong one-time password is.</summary>
    private async Task<PasskeyStep> FailedAsync(ApplicationUser user, PasskeyRefusal refusal)
    {
        await securityLog.WriteAsync(SecurityEventKinds.PasskeyFailed, user.Id, refusal.ToString());
        if (await users.RecordFailureAsync(user, policy.MaxFailedAttempts))
        {
            await securityLog.WriteAsync(SecurityEventKinds.LockedOut, user.Id, "after failed passkey steps");
            return PasskeyStep.Refused(PasskeyRefusal.LockedOut);
        }

        return PasskeyStep.Refused(refusal);
    }

    /// <summary>
    /// Which check refused, from Identity's failure. Note: Identity says it only in the exception's message (its
    /// <c>PasskeyException</c> carries no code); anything not recognised is <see cref="PasskeyRefusal.Invalid"/>.
    /// </summary>
    private static PasskeyRefusal Classify(PasskeyException? failure) => failure?.Message switch
    {
        { } message when message.Contains("invalid origin", StringComparison.Ordinal) => PasskeyRefusal.WrongOrigin,
        { } message when message.Contains("signature counter", StringComparison.Ordinal) => PasskeyRefusal.PossibleClone,
        { } message when message.Contains("does not belong to the specified user", StringComparison.Ordinal)
            || message.Contains("user handle", StringComparison.Ordinal) => PasskeyRefusal.NotRegistered,
        _ => PasskeyRefusal.Invalid,
    };

    /// <summary>The ceremony state's user for a passwordless sign-in, where the passkey names the account.</summary>
    private const string AnyUser = "";

    /// <summary>Identity's handler always returns the state its checks need.</summary>
    private static string StateOf(string? identityState) =>
        identityState ?? throw new InvalidOperationException("Identity's passkey handler returned no ceremony state.");

    /// <summary>The request's context; outside one (a background caller) an empty one, as the relying party is configured.</summary>
    private HttpContext HttpContext => httpContextAccessor.HttpContext ?? new DefaultHttpContext();
}
