using System.Linq.Expressions;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// What the users list may be narrowed to (the <c>filter</c> query parameter of the page and the API), and its orders
/// (<c>sort</c>). Warning: the dashboard counts with these same predicates, so its numbers and the lists they link to agree.
/// </summary>
public static class UserListFilters
{
    /// <summary>No second step (an active device, or a passkey the policy lets be used) and not suspended: the list's "Off".</summary>
    public const string TwoStepOff = "two-step-off";

    /// <summary>A lockout not over yet (an administrator's until unlocked, or the failed attempts').</summary>
    public const string Locked = "locked";

    /// <summary>Two-step sign-in suspended by an administrator, for some days or indefinitely.</summary>
    public const string Suspended = "suspended";

    /// <summary>Required by the policy to use two-step sign-in, no second step yet, the grace period running (<see cref="TwoStepPolicy.InGracePeriod"/>).</summary>
    public const string InGrace = "in-grace";

    public static IReadOnlyList<string> All { get; } = [TwoStepOff, InGrace, Locked, Suspended];

    /// <summary>By e-mail address (the default).</summary>
    public const string ByEmail = "email";

    /// <summary>By the last completed sign-in, newest first; users who never signed in last.</summary>
    public const string ByLastSignIn = "last-sign-in";

    public static IReadOnlyList<string> Orders { get; } = [ByEmail, ByLastSignIn];

    /// <summary>Whether <paramref name="filter"/> is empty (everyone) or one of <see cref="All"/>.</summary>
    public static bool IsKnownFilter(string? filter) => string.IsNullOrEmpty(filter) || All.Contains(filter);

    /// <summary>Whether <paramref name="sort"/> is empty (by address) or one of <see cref="Orders"/>.</summary>
    public static bool IsKnownOrder(string? sort) => string.IsNullOrEmpty(sort) || Orders.Contains(sort);

    /// <summary>
    /// The users <paramref name="filter"/> (one of <see cref="All"/>) keeps at <paramref name="now"/>, as a query's condition;
    /// <paramref name="twoStep"/> says who is in a grace period.
    /// </summary>
    public static Expression<Func<ApplicationUser, bool>> Predicate(string filter, ApplicationDbContext db, TwoStepPolicy twoStep, DateTimeOffset now) => filter switch
    {
        InGrace => twoStep.InGracePeriod(db, now),
        TwoStepOff => twoStep.HasSecondStep(db).Not().And(SuspendedAt(now).Not()),
        Locked => user => user.LockoutEnabled && user.LockoutEnd > now,
        Suspended => SuspendedAt(now),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a users list filter."),
    };

    /// <summary>Two-step sign-in suspended at <paramref name="now"/>. Note: TwoStepSuspension.IsActive and UserDirectory's rows say the same in C#.</summary>
    private static Expression<Func<ApplicationUser, bool>> SuspendedAt(DateTimeOffset now) =>
        user => user.TwoStepDisabledIndefinitely || user.TwoStepDisabledUntil > now;
}
