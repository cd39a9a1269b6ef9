using IdentityProvider.Settings;

namespace IdentityProvider.TwoStep;

/// <summary>
/// The two-step rules that depend on a user's roles. Note: read through this class only, so the admin
/// area's stored overrides can replace the configured defaults in one place.
/// </summary>
public sealed class TwoStepPolicy(ProviderSettings settings)
{
    private TwoStepSettings TwoStep => settings.TwoStep;

    public int TotpWindow => TwoStep.TotpWindow;

    public int HotpLookAhead => TwoStep.HotpLookAhead;

    public int MaxFailedAttempts => TwoStep.MaxFailedAttempts;

    public bool RecoveryCodesEnabled => TwoStep.RecoveryCodesEnabled;

    public TimeSpan GracePeriod => TimeSpan.FromDays(TwoStep.GracePeriodDays);

    public bool IsRequiredFor(IEnumerable<string> roles) =>
        roles.Any(role => TwoStep.RequiredForRoles.Contains(role, StringComparer.OrdinalIgnoreCase));

    /// <summary>How long a browser may skip the OTP step: the shortest period among the user's roles; 0 = not offered.</summary>
    public int RememberBrowserDaysFor(IEnumerable<string> roles) =>
        roles.Select(role => TwoStep.RememberBrowserDaysByRole.TryGetValue(role, out var days) ? days : TwoStep.RememberBrowserDays)
            .DefaultIfEmpty(TwoStep.RememberBrowserDays)
            .Min();
}
