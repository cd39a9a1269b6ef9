using System.Globalization;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.TwoStep;

/// <summary>
/// An administrator's help for a user who lost the device: two-step sign-in suspended for N days or
/// indefinitely (the password alone then signs in, reported as <c>amr ["pwd"]</c>), and restored.
/// A suspension for N days ends by itself: it is a moment compared with the clock, not a flag to clear.
/// </summary>
public sealed class TwoStepSuspension(UserManager<ApplicationUser> users, SecurityLog securityLog, TimeProvider time)
{
    public const int MinDays = 1;
    public const int MaxDays = 365;
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Whether the OTP step (and enrolment) is skipped for <paramref name="user"/> at <paramref name="now"/>.
    /// Warning: the one place this rule lives; the sign-in gate and the admin page both ask here.
    /// </summary>
    public static bool IsActive(ApplicationUser user, DateTimeOffset now) =>
        user.TwoStepDisabledIndefinitely || user.TwoStepDisabledUntil > now;

    /// <summary>Checks the administrator's input; null when valid, else what is wrong with which field (<c>Reason</c>, <c>Days</c>).</summary>
    public static FieldProblem? Check(int? days, string? reason) => (days, reason?.Trim()) switch
    {
        (_, null or "") => new("Reason", new Sentence("TwoStep.Reason.Missing")),
        (_, { Length: > MaxReasonLength }) => new("Reason", new Sentence("TwoStep.Reason.TooLong", MaxReasonLength)),
        ({ } count, _) when count is < MinDays or > MaxDays => new("Days", new Sentence("TwoStep.Days.Range", MinDays, MaxDays)),
        _ => null,
    };

    private static readonly Sentence ChangedMeanwhile = new("TwoStep.ChangedMeanwhile");

    /// <param name="days">For how many days; null for indefinitely.</param>
    public async Task<ChangeResult> SuspendAsync(ApplicationUser user, int? days, string? reason, string actorId)
    {
        if (Check(days, reason) is { } problem)
        {
            return ChangeResult.Invalid([problem]);
        }

        var trimmed = reason!.Trim();
        user.TwoStepDisabledIndefinitely = days is null;
        user.TwoStepDisabledUntil = days is { } count ? time.GetUtcNow().AddDays(count) : null;
        user.TwoStepDisabledReason = trimmed;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        var span = user.TwoStepDisabledUntil is { } until
            ? "until " + until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "indefinitely";
        await securityLog.WriteAsync(SecurityEventKinds.TwoStepSuspended, user.Id, $"{span}; reason: {trimmed}", actorId);
        return ChangeResult.Done();
    }

    public async Task<ChangeResult> RestoreAsync(ApplicationUser user, string actorId)
    {
        user.TwoStepDisabledIndefinitely = false;
        user.TwoStepDisabledUntil = null;
        user.TwoStepDisabledReason = null;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        await securityLog.WriteAsync(SecurityEventKinds.TwoStepRestored, user.Id, actorId: actorId);
        return ChangeResult.Done();
    }
}
