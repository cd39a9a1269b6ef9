using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Text;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin.Users;

/// <summary>What an administrator's change to a user's two-step sign-in came to.</summary>
public enum AdminChange
{
    Done,

    /// <summary>No such user (or device): nothing was written.</summary>
    NotFound,

    /// <summary>The input or the state refuses it; the message says why and nothing was written.</summary>
    Refused,
}

/// <summary>
/// A user's two-step sign-in as the admin page and the admin API see and change it: status, devices, a new
/// recovery-code set, suspension and restoration, device removal, forgetting remembered browsers. Every
/// change is written to the security log with the acting administrator.
/// </summary>
public sealed class UserTwoStepAdministration(
    UserManager<ApplicationUser> users,
    OtpDevices devices,
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
        var remembered = await rememberedBrowsers.ListAsync(user.Id);
        return UserTwoStepState.Of(user, active, await codes.StatusAsync(user.Id), remembered.Count, time.GetUtcNow());
    }

    /// <param name="days">1 to 365, or null for indefinitely.</param>
    public Task<(AdminChange Outcome, Sentence? Message)> SuspendAsync(string userId, int? days, string? reason, string actorId) =>
        WithUserAsync(userId, async user =>
        {
            // Note: a control character (NUL included) never reaches the database or the security log.
            if (reason is not null && DisplayText.HasHiddenCharacters(reason))
            {
                return new Sentence("TwoStep.Reason.Hidden");
            }

            return Check(days, reason) ?? AtTheSameMoment(await suspension.SuspendAsync(user, days, reason, actorId));
        });

    public Task<(AdminChange Outcome, Sentence? Message)> RestoreAsync(string userId, string actorId) =>
        WithUserAsync(userId, async user => AtTheSameMoment(await suspension.RestoreAsync(user, actorId)));

    /// <summary>A new set, to hand over once (the previous set is void); refused when recovery codes are off.</summary>
    public async Task<(AdminChange Outcome, Sentence? Message, IReadOnlyList<string>? Codes)> IssueRecoveryCodesAsync(string userId, string actorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return (AdminChange.NotFound, null, null);
        }

        if (!policy.RecoveryCodesEnabled)
        {
            return (AdminChange.Refused, new Sentence("TwoStep.RecoveryCodesOff"), null);
        }

        // Warning: the administrator gets a new set only; the old one cannot be read (hashes) and is now void.
        return (AdminChange.Done, null, await issuer.IssueAsync(user.Id, actorId, "by an administrator"));
    }

    /// <summary>
    /// Removes one of the user's active devices (a hardware token goes back to stock); the name removed, or NotFound
    /// (no such user or device).
    /// </summary>
    public async Task<(AdminChange Outcome, string? DeviceName)> RemoveDeviceAsync(string userId, Guid deviceId, string actorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user
            || (await devices.ListActiveAsync(user.Id)).FirstOrDefault(candidate => candidate.Id == deviceId) is not { } device)
        {
            return (AdminChange.NotFound, null);
        }

        var removed = device.HardwareTokenId is null
            ? await deviceChanges.RemoveAsync(user.Id, device.Id, device.Name, actorId)
            : (await hardwareTokens.UnassignDeviceAsync(user.Id, device.Id, actorId)).Outcome == TokenChange.Done;
        return removed ? (AdminChange.Done, device.Name) : (AdminChange.NotFound, null);
    }

    /// <summary>Forgets every browser remembered for the user: the OTP step is asked again on each.</summary>
    public async Task<(AdminChange Outcome, int Forgotten)> ForgetBrowsersAsync(string userId, string actorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return (AdminChange.NotFound, 0);
        }

        var forgotten = await rememberedBrowsers.ForgetAllAsync(user.Id);
        await securityLog.WriteAsync(SecurityEventKinds.BrowsersForgottenByAdmin, user.Id, $"{forgotten} remembered browsers forgotten", actorId);
        return (AdminChange.Done, forgotten);
    }

    /// <summary>
    /// <see cref="TwoStepSuspension.Check"/>'s rules, as sentences a page shows in the reader's language (the suspension
    /// checks them again, in English, for its other callers).
    /// </summary>
    private static Sentence? Check(int? days, string? reason) => (days, reason?.Trim()) switch
    {
        (_, null or "") => new Sentence("TwoStep.Reason.Missing"),
        (_, { Length: > TwoStepSuspension.MaxReasonLength }) => new Sentence("TwoStep.Reason.TooLong", TwoStepSuspension.MaxReasonLength),
        ({ } count, _) when count is < TwoStepSuspension.MinDays or > TwoStepSuspension.MaxDays =>
            new Sentence("TwoStep.Days.Range", TwoStepSuspension.MinDays, TwoStepSuspension.MaxDays),
        _ => null,
    };

    /// <summary>The suspension's refusal once the input is checked: the account changed at the same moment.</summary>
    private static Sentence? AtTheSameMoment(string? refusal) =>
        refusal is null ? null : new Sentence("TwoStep.ChangedMeanwhile");

    private async Task<(AdminChange Outcome, Sentence? Message)> WithUserAsync(string userId, Func<ApplicationUser, Task<Sentence?>> change)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return (AdminChange.NotFound, null);
        }

        return await change(user) is { } message ? (AdminChange.Refused, message) : (AdminChange.Done, null);
    }
}
