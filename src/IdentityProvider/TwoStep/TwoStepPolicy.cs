using System.Linq.Expressions;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Policy;
using IdentityProvider.Settings;
using IdentityProvider.Users;

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

    /// <summary>When a grace period that started at <paramref name="start"/> ends: until then enrolment may be postponed.</summary>
    public DateTimeOffset GraceEndsAt(DateTimeOffset start) => start + GracePeriod;

    /// <summary>Whether new devices of this type may be enrolled (devices already enrolled keep working).</summary>
    public bool Allows(OtpType type) => type == OtpType.Totp ? Current.TotpAllowed : Current.HotpAllowed;

    /// <summary>Whether a user with <paramref name="roles"/> (none, perhaps) must use two-step sign-in.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles) =>
        Current.TwoStepRequiredForEveryone || roles.Any(role => Current.TwoStepRequiredForRoles.Contains(role, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether any role must sign in with a passkey (passkeys on, roles named): when not, nobody's roles need reading.</summary>
    public bool PasskeyRequiredForSomeRole => PasskeysInUse && Current.PasskeyRequiredForRoles.Length > 0;

    /// <summary>Whether a user with <paramref name="roles"/> must sign in with a passkey (passkeys on, a role that requires them).</summary>
    public bool IsPasskeyRequiredFor(IEnumerable<string> roles) =>
        PasskeysInUse && roles.Any(role => Current.PasskeyRequiredForRoles.Contains(role, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether passkeys count as a second step now: the policy lets them be used (<see cref="SecondStepMethods"/> asks the same).</summary>
    public bool PasskeysInUse => Current.Passkeys != PasskeyUse.Off;

    /// <summary>
    /// The users who have a second step, as a query's condition: an active OTP device, or a passkey while the policy lets
    /// passkeys be used: <see cref="SecondStepMethods.HasAnyAsync"/> for one user, and the users list and the dashboard for many.
    /// </summary>
    public Expression<Func<ApplicationUser, bool>> HasSecondStep(ApplicationDbContext db)
    {
        var passkeys = PasskeysInUse;
        return user => db.OtpDevices.Any(device => device.UserId == user.Id && device.IsActive)
            || (passkeys && db.UserPasskeys.Any(passkey => passkey.UserId == user.Id));
    }

    /// <summary>
    /// The users inside a grace period at <paramref name="now"/>, as a query's condition: two-step sign-in required of them
    /// (<see cref="IsRequiredFor"/>), no second step (<see cref="HasSecondStep"/>), the grace period started (the gate starts
    /// it) and not over (<see cref="GraceEndsAt"/>). The gate's rule for many users at once (the admin dashboard counts them).
    /// </summary>
    public Expression<Func<ApplicationUser, bool>> InGracePeriod(ApplicationDbContext db, DateTimeOffset now)
    {
        var policy = Current;
        // Note: roles compare without regard to case, as IsRequiredFor does: Identity stores role names upper-cased too.
        var required = policy.TwoStepRequiredForRoles.Select(role => role.ToUpperInvariant()).ToList();
        var everyone = policy.TwoStepRequiredForEveryone;
        var startedAfter = now - TimeSpan.FromDays(policy.GracePeriodDays);
        Expression<Func<ApplicationUser, bool>> requiredAndRunning = user => (everyone || db.UserRoles.Any(link => link.UserId == user.Id
                && db.Roles.Any(role => role.Id == link.RoleId && role.NormalizedName != null && required.Contains(role.NormalizedName))))
            && user.TwoStepGraceStartedAt != null && user.TwoStepGraceStartedAt > startedAfter;
        return requiredAndRunning.And(HasSecondStep(db).Not());
    }

    /// <summary>How long a browser may skip the OTP step: the shortest period among the user's roles; 0 = not offered.</summary>
    public int RememberBrowserDaysFor(IEnumerable<string> roles)
    {
        var policy = Current;
        return roles.Select(role => policy.RememberBrowserDaysByRole.TryGetValue(role, out var days) ? days : policy.RememberBrowserDays)
            .DefaultIfEmpty(policy.RememberBrowserDays)
            .Min();
    }
}
