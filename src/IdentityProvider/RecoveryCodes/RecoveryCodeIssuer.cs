using IdentityProvider.Auditing;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// When a new set is generated: on the user's first device, on the user's request, or by an administrator.
/// Every generation is written to the security log (who, and why), never with a code.
/// </summary>
public sealed class RecoveryCodeIssuer(RecoveryCodeStore store, SecurityLog securityLog)
{
    /// <param name="actorId">The administrator who asked for it; null when the user did.</param>
    /// <param name="occasion">Why, for the security log, e.g. "requested by the user".</param>
    public async Task<IReadOnlyList<string>> IssueAsync(string userId, string? actorId, string occasion)
    {
        var codes = await store.GenerateAsync(userId);
        await securityLog.WriteAsync(SecurityEventKinds.RecoveryCodesGenerated, userId, $"{codes.Count} codes, {occasion}; the previous set is void", actorId);
        return codes;
    }
}
