using IdentityProvider.Policy;
using IdentityProvider.Settings;

namespace IdentityProvider.TwoStep;

/// <summary>
/// The two-step rules that depend on a user's roles, read from the policy in force (admin area: Policy) on
/// every call, so a change applies without a restart.
/// </summary>
public sealed class TwoStepPolicy(ICurrentPolicy store, ProviderSettings settings)
{
    private ProviderPolicy Current => store.Current;

    public int TotpWindow => Current.TotpWindow;

    public int HotpLookAhead => Current.HotpLookAhead;

    /// <summary>Failed codes before the lockout: <c>TwoStep:MaxFailedAttempts</c>, never above the policy's lockout threshold.</summary>
    public int MaxFailedAttempts => Math.Min(settings.TwoStep.MaxFailedAttempts, Current.LockoutThreshold);

    public bool RecoveryCodesEnabled => Current.RecoveryCodesEnabled;

    public TimeSpan GracePeriod => TimeSpan.FromDays(Current.GracePeriodDays);

    /// <summary>Whether new devices of this type may be enrolled (devices already enrolled keep working).</summary>
    public bool Allows(OtpType type) => type == OtpType.Totp ? Current.TotpAllowed : Current.HotpAllowed;

    /// <summary>Whether a user with <paramref name="roles"/> (none, perhaps) must use two-step sign-in.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles) =>
        Current.TwoStepRequiredForEveryone || roles.Any(role => Current.TwoStepRequiredForRoles.Contains(role, StringComparer.OrdinalIgnoreCase));

    /// <summary>How long a browser may skip the OTP step: the shortest period among the user's roles; 0 = not offered.</summary>
    public int RememberBrowserDaysFor(IEnumerable<string> roles)
    {
        var policy = Current;
        return roles.Select(role => policy.RememberBrowserDaysByRole.TryGetValue(role, out var days) ? days : policy.RememberBrowserDays)
            .DefaultIfEmpty(policy.RememberBrowserDays)
            .Min();
    }
}
