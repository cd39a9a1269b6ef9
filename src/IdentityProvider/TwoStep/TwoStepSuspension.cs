using System.Globalization;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
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

    /// <summary>Checks the administrator's input; null when valid, else the message for the form.</summary>
    public static string? Check(int? days, string? reason) => (days, reason?.Trim()) switch
    {
        (_, null or "") => "Enter the reason for suspending two-step sign-in.",
        (_, { Length: > MaxReasonLength }) => $"The reason can have at most {MaxReasonLength} characters.",
        ({ } count, _) when count is < MinDays or > MaxDays => $"Enter a number of days from {MinDays} to {MaxDays}.",
        _ => null,
    };

    /// <param name="days">For how many days; null for indefinitely.</param>
    /// <returns>Null on success, else the message for the page.</returns>
    public async Task<string?> SuspendAsync(ApplicationUser user, int? days, string? reason, string actorId)
    {
        if (Check(days, reason) is { } error)
        {
            return error;
        }

        var trimmed = reason!.Trim();
        user.TwoStepDisabledIndefinitely = days is null;
        user.TwoStepDisabledUntil = days is { } count ? time.GetUtcNow().AddDays(count) : null;
        user.TwoStepDisabledReason = trimmed;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return "The account was changed at the same moment. Reload the page and try again.";
        }

        var span = user.TwoStepDisabledUntil is { } until
            ? "until " + until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "indefinitely";
        await securityLog.WriteAsync(SecurityEventKinds.TwoStepSuspended, user.Id, $"{span}; reason: {trimmed}", actorId);
        return null;
    }

    /// <returns>Null on success, else the message for the page.</returns>
    public async Task<string?> RestoreAsync(ApplicationUser user, string actorId)
    {
        user.TwoStepDisabledIndefinitely = false;
        user.TwoStepDisabledUntil = null;
        user.TwoStepDisabledReason = null;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return "The account was changed at the same moment. Reload the page and try again.";
        }

        await securityLog.WriteAsync(SecurityEventKinds.TwoStepRestored, user.Id, actorId: actorId);
        return null;
    }
}
