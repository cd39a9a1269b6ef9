using IdentityProvider.Auditing;
using IdentityProvider.RecoveryCodes;

namespace IdentityProvider.TwoStep;

/// <summary>
/// What follows a change to a user's devices, wherever it is made (account page, enrolment during sign-in,
/// administrator): every remembered browser is forgotten (docs/ARCHITECTURE.md: "forgotten on … device change"), the change
/// is written to the security log, and the first device brings the first set of recovery codes.
/// </summary>
public sealed class DeviceChanges(
    OtpDevices devices,
    SecondStepMethods secondSteps,
    RememberedBrowsers rememberedBrowsers,
    RecoveryCodeIssuer recoveryCodes,
    TwoStepPolicy policy,
    SecurityLog securityLog)
{
    /// <summary>After a device was activated; returns the recovery codes to show once when it is the first device.</summary>
    /// <param name="occasion">Appended to the log line, e.g. "during sign-in".</param>
    /// <param name="administratorId">The administrator who added it (a hardware token), or null when it was the user.</param>
    public async Task<IReadOnlyList<string>?> AddedAsync(string userId, string deviceName, string? occasion = null, string? administratorId = null)
    {
        await rememberedBrowsers.ForgetAllAsync(userId);
        await securityLog.WriteAsync(SecurityEventKinds.DeviceAdded, userId, occasion is null ? $"\"{deviceName}\"" : $"\"{deviceName}\" {occasion}", administratorId);
        return await IssueRecoveryCodesForFirstMethodAsync(userId);
    }

    /// <summary>
    /// A new set when the device or passkey just added is the user's only second-step method; null when it is not, or
    /// when recovery codes are turned off. Note: a user who removed every one and adds one again gets a fresh set
    /// too, as when enabling two-step sign-in the first time.
    /// </summary>
    public async Task<IReadOnlyList<string>?> IssueRecoveryCodesForFirstMethodAsync(string userId)
    {
        if (!policy.RecoveryCodesEnabled || await secondSteps.CountAsync(userId) != 1)
        {
            return null;
        }

        return await recoveryCodes.IssueAsync(userId, actorId: null, "first two-step method added");
    }

    /// <summary>Removes a device; false when it does not exist (any more).</summary>
    /// <param name="administratorId">The administrator who removed it, or null when it was the user.</param>
    public async Task<bool> RemoveAsync(string userId, Guid deviceId, string deviceName, string? administratorId = null)
    {
        if (!await devices.RemoveAsync(userId, deviceId))
        {
            return false;
        }

        await RemovedAsync(userId, deviceName, administratorId);
        return true;
    }

    /// <summary>After a device was deleted elsewhere (a hardware token's unassignment): forgets the browsers and logs it.</summary>
    public async Task RemovedAsync(string userId, string deviceName, string? administratorId)
    {
        await rememberedBrowsers.ForgetAllAsync(userId);
        await securityLog.WriteAsync(SecurityEventKinds.DeviceRemoved, userId,
            administratorId is null ? $"\"{deviceName}\"" : $"\"{deviceName}\" by an administrator", administratorId);
    }
}
