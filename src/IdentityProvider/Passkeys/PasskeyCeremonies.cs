using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Policy;
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
    ICurrentPolicy policy,
    IPasskeyHandler<ApplicationUser> handler,
    PasskeyCeremonyState ceremonyState,
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
    public async Task<PasskeyCeremony?> BeginSecondStepAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user || (await users.GetPasskeysAsync(user)).Count == 0)
        {
            return null;
        }

        var options = await handler.MakeRequestOptionsAsync(user, HttpContext);
        return new PasskeyCeremony(options.RequestOptionsJson, await ceremonyState.KeepAsync(PasskeyCeremonyState.Request, user.Id, StateOf(options.AssertionState)));
    }

    /// <summary>
    /// Checks the authenticator's assertion for the user of the pending sign-in: one of their passkeys, this origin, the
    /// challenge of <paramref name="state"/> (once), a counter that moved on. The passkey's new counter is stored and the
    /// use logged (<c>passkey.used</c>); a counter that did not move is refused and logged as a possible clone. A refused
    /// answer for a known user counts toward the lockout as a failed second step (<c>sign-in.passkey-failed</c>), and the
    /// failure that locks the account says so (<see cref="PasskeyRefusal.LockedOut"/>, <c>sign-in.locked-out</c>).
    /// </summary>
    public async Task<PasskeyStep> VerifySecondStepAsync(string userId, string? state, string credentialJson)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return PasskeyStep.Refused(PasskeyRefusal.CeremonyExpired);
        }

        if (await ceremonyState.SpendAsync(state, PasskeyCeremonyState.Request, userId) is not { } assertionState)
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

        var stored = await users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        if (!stored.Succeeded)
        {
            throw new InvalidOperationException($"Updating a passkey failed: {string.Join(", ", stored.Errors.Select(error => error.Code))}.");
        }

        await securityLog.WriteAsync(SecurityEventKinds.PasskeyUsed, user.Id, $"\"{result.Passkey.Name}\"");
        return new PasskeyStep(PasskeySummary.Of(result.Passkey), PasskeyRefusal.None);
    }

    /// <summary>A refused second step: logged and counted toward the lockout, as a wrong one-time password is.</summary>
    private async Task<PasskeyStep> FailedAsync(ApplicationUser user, PasskeyRefusal refusal)
    {
        await securityLog.WriteAsync(SecurityEventKinds.PasskeyFailed, user.Id, refusal.ToString());
        if (await users.RecordFailureAsync(user, policy.Current.LockoutThreshold))
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

    /// <summary>Identity's handler always returns the state its checks need.</summary>
    private static string StateOf(string? identityState) =>
        identityState ?? throw new InvalidOperationException("Identity's passkey handler returned no ceremony state.");

    /// <summary>The request's context; outside one (a background caller) an empty one, as the relying party is configured.</summary>
    private HttpContext HttpContext => httpContextAccessor.HttpContext ?? new DefaultHttpContext();
}
