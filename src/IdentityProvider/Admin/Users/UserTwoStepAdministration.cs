using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Passkeys;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Text;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// A user's two-step sign-in as the admin page and the admin API see and change it: status, devices and passkeys, a new
/// recovery-code set, suspension and restoration, device and passkey removal, forgetting remembered browsers. Every
/// change is written to the security log with the one acting; a user-manager's change to an administrator is refused.
/// </summary>
public sealed class UserTwoStepAdministration(
    UserManager<ApplicationUser> users,
    OtpDevices devices,
    UserPasskeys passkeys,
    DeviceChanges deviceChanges,
    HardwareTokenAssignment hardwareTokens,
    RecoveryCodeStore codes,
    RecoveryCodeIssuer issuer,
    TwoStepSuspension suspension,
    TwoStepPolicy policy,
    RememberedBrowsers rememberedBrowsers,
    SecurityLog securityLog,
    TimeProvider time)
{
    public bool RecoveryCodesEnabled => policy.RecoveryCodesEnabled;

    /// <summary>The user's two-step state now; null when there is no such user.</summary>
    public async Task<UserTwoStepState?> ReadAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var active = await devices.ListActiveAsync(user.Id);
        var userPasskeys = await passkeys.ListAsync(user.Id);
        var remembered = await rememberedBrowsers.ListAsync(user.Id);
        return UserTwoStepState.Of(user, active, userPasskeys, policy.PasskeysInUse, await codes.StatusAsync(user.Id), remembered.Count, time.GetUtcNow());
    }

    /// <param name="days">1 to 365, or null for indefinitely.</param>
    public async Task<ChangeResult> SuspendAsync(string userId, int? days, string? reason, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        // Note: a control character (NUL included) never reaches the database or the security log.
        if (reason is not null && DisplayText.HasHiddenCharacters(reason))
        {
            return ChangeResult.Invalid("Reason", new Sentence("TwoStep.Reason.Hidden"));
        }

        return await suspension.SuspendAsync(user, days, reason, actor.Id);
    }

    public async Task<ChangeResult> RestoreAsync(string userId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        return await users.RefusalAsync(actor, user) is { } refused ? refused : await suspension.RestoreAsync(user, actor.Id);
    }

    /// <summary>A new set, to hand over once (the previous set is void); refused when recovery codes are off.</summary>
    public async Task<ChangeResult<IReadOnlyList<string>>> IssueRecoveryCodesAsync(string userId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if (!policy.RecoveryCodesEnabled)
        {
            return ChangeResult.Conflict(new Sentence("TwoStep.RecoveryCodesOff"));
        }

        // Warning: the administrator gets a new set only; the old one cannot be read (hashes) and is now void.
        return ChangeResult.Done<IReadOnlyList<string>>(await issuer.IssueAsync(user.Id, actor.Id, "by an administrator"));
    }

    /// <summary>
    /// Removes one of the user's active devices (a hardware token goes back to stock); the name removed, or NotFound
    /// (no such user or device).
    /// </summary>
    public async Task<ChangeResult<string>> RemoveDeviceAsync(string userId, Guid deviceId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if ((await devices.ListActiveAsync(user.Id)).FirstOrDefault(candidate => candidate.Id == deviceId) is not { } device)
        {
            return ChangeResult.NotFound();
        }

        var removed = device.HardwareTokenId is null
            ? await deviceChanges.RemoveAsync(user.Id, device.Id, device.Name, actor.Id)
            : (await hardwareTokens.UnassignDeviceAsync(user.Id, device.Id, actor.Id)).Succeeded;
        return removed ? ChangeResult.Done(device.Name) : ChangeResult.NotFound();
    }

    /// <summary>The user's passkeys, oldest first; null when there is no such user.</summary>
    public async Task<IReadOnlyList<PasskeySummary>?> ListPasskeysAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user ? await passkeys.ListAsync(user.Id) : null;

    /// <summary>
    /// Removes one of the user's passkeys (<paramref name="passkeyId"/>: its credential id, base64url); the name removed, or
    /// NotFound (no such user or passkey, or an id that is not one). Note: <see cref="UserPasskeys.RemoveAsync"/> logs it with
    /// the one acting, and that log row is what mails the owner (Email's observer): nothing is sent from here.
    /// </summary>
    public async Task<ChangeResult<string>> RemovePasskeyAsync(string userId, string? passkeyId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        return await passkeys.RemoveAsync(user.Id, passkeyId, actor.Id) is { } name ? ChangeResult.Done(name) : ChangeResult.NotFound();
    }

    /// <summary>Forgets every browser remembered for the user: the OTP step is asked again on each.</summary>
    public async Task<ChangeResult<int>> ForgetBrowsersAsync(string userId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        var forgotten = await rememberedBrowsers.ForgetAllAsync(user.Id);
        await securityLog.WriteAsync(SecurityEventKinds.BrowsersForgottenByAdmin, user.Id, $"{forgotten} remembered browsers forgotten", actor.Id);
        return ChangeResult.Done(forgotten);
    }
}
