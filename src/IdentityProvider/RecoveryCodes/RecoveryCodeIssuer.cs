using IdentityProvider.Auditing;
using IdentityProvider.TwoStep;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// When a new set is generated: on the user's first device, on the user's request, or by an administrator.
/// Every generation is written to the security log (who, and why), never with a code.
/// </summary>
public sealed class RecoveryCodeIssuer(RecoveryCodeStore store, OtpDevices devices, TwoStepPolicy policy, SecurityLog securityLog)
{
    /// <param name="actorId">The administrator who asked for it; null when the user did.</param>
    /// <param name="occasion">Why, for the security log, e.g. "requested by the user".</param>
    public async Task<IReadOnlyList<string>> IssueAsync(string userId, string? actorId, string occasion)
    {
        var codes = await store.GenerateAsync(userId);
        await securityLog.WriteAsync(SecurityEventKinds.RecoveryCodesGenerated, userId, $"{codes.Count} codes, {occasion}; the previous set is void", actorId);
        return codes;
    }

    /// <summary>
    /// A new set when the device just activated is the user's only active one; null when it is not, or when
    /// recovery codes are turned off. Note: a user who removed every device and adds one again gets a
    /// fresh set too, as when enabling two-step sign-in the first time.
    /// </summary>
    public async Task<IReadOnlyList<string>?> IssueForFirstDeviceAsync(string userId)
    {
        if (!policy.RecoveryCodesEnabled || (await devices.ListActiveAsync(userId)).Count != 1)
        {
            return null;
        }

        return await IssueAsync(userId, actorId: null, "first two-step device activated");
    }
}
