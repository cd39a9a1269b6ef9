using IdentityProvider.Admin.Users;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.HardwareTokens;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Admin.Dashboard;

/// <summary>
/// The numbers an operator checks first (<c>/admin</c>): users and two-step adoption, locks and suspensions, tokens, the
/// hardware-token inventory, the mail backlog, and sign-ins and failures per day from the security log. Three round
/// trips whatever the data holds: one query of counts (each a subquery), one of the roles, one of the security log
/// grouped by kind and method with a count per day; a user-manager's view skips the last.
/// </summary>
public sealed class AdminDashboard(ApplicationDbContext db, TwoStepPolicy twoStepPolicy, TimeProvider time)
{
    /// <summary>How many days the charts show, today (UTC) the last.</summary>
    public const int ChartDays = 14;

    /// <summary>Personal access tokens expiring within this are counted as expiring soon.</summary>
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(14);

    /// <summary>How sign-ins are told apart (by their <c>amr</c>), in the charts' order.</summary>
    public static IReadOnlyList<string> SignInMethods { get; } =
        ["password", "password-otp", "password-passkey", "external", "external-otp", "external-passkey", "passkey", "other"];

    /// <summary>The failures counted, in the charts' order: the series' key of each security event kind.</summary>
    public static IReadOnlyList<(string Kind, string Key)> FailureKinds { get; } =
    [
        (SecurityEventKinds.PasswordFailed, "password"),
        (SecurityEventKinds.OtpFailed, "otp"),
        (SecurityEventKinds.RecoveryCodeFailed, "recovery-code"),
        (SecurityEventKinds.PasskeyFailed, "passkey"),
        (SecurityEventKinds.LockedOut, "lockout"),
    ];

    /// <summary>The dashboard for one acting with <paramref name="rights"/>: a user-manager's has users and hardware tokens only.</summary>
    public async Task<DashboardNumbers> ReadAsync(AdminRights rights)
    {
        var now = time.GetUtcNow();
        var soon = now + ExpiringWithin;
        var twoStepOff = UserListFilters.Predicate(UserListFilters.TwoStepOff, db, twoStepPolicy, now);
        var locked = UserListFilters.Predicate(UserListFilters.Locked, db, twoStepPolicy, now);
        var suspended = UserListFilters.Predicate(UserListFilters.Suspended, db, twoStepPolicy, now);
        var inGrace = UserListFilters.Predicate(UserListFilters.InGrace, db, twoStepPolicy, now);
        var hasSecondStep = twoStepPolicy.HasSecondStep(db);
        var activeToken = TokenSummary.ActiveAt(now);
        // Note: anchored on the users (grouped into one row); with no user at all, nobody could be reading this.
        var counts = await db.Users.GroupBy(user => 1).Select(users => new
        {
            Total = users.Count(),
            WithSecondStep = db.Users.Count(hasSecondStep),
            TwoStepOff = db.Users.Count(twoStepOff),
            InGrace = db.Users.Count(inGrace),
            Locked = db.Users.Count(locked),
            Suspended = db.Users.Count(suspended),
            InStock = db.HardwareTokens.Count(token => token.Status == HardwareTokenStatus.InStock),
            Assigned = db.HardwareTokens.Count(token => token.Status == HardwareTokenStatus.Assigned),
            Lost = db.HardwareTokens.Count(token => token.Status == HardwareTokenStatus.Lost),
            ActiveTokens = db.PersonalAccessTokens.Count(activeToken),
            ExpiringTokens = db.PersonalAccessTokens.Count(token => token.RevokedAt == null && token.ExpiresAt > now && token.ExpiresAt <= soon),
            Unsent = db.OutboxMails.Count(mail => mail.SentAt == null),
        }).SingleOrDefaultAsync();
        var roles = await db.Roles.AsNoTracking().OrderBy(role => role.Name).Select(role => new RoleAdoption(
                role.Name ?? "",
                db.UserRoles.Count(link => link.RoleId == role.Id),
                db.Users.Where(hasSecondStep).Count(user => db.UserRoles.Any(link => link.UserId == user.Id && link.RoleId == role.Id))))
            .ToListAsync();
        var users = new UserNumbers(counts?.Total ?? 0, counts?.WithSecondStep ?? 0, counts?.TwoStepOff ?? 0, counts?.InGrace ?? 0,
            counts?.Locked ?? 0, counts?.Suspended ?? 0, roles);
        var hardware = new HardwareTokenNumbers(counts?.InStock ?? 0, counts?.Assigned ?? 0, counts?.Lost ?? 0);
        if (rights != AdminRights.Everything)
        {
            return new DashboardNumbers(users, hardware, null, null, null, null);
        }

        var (signIns, failures) = await ChartsAsync(now);
        return new DashboardNumbers(users, hardware, new TokenNumbers(counts?.ActiveTokens ?? 0, counts?.ExpiringTokens ?? 0),
            counts?.Unsent ?? 0, signIns, failures);
    }

    /// <summary>The chart's days, oldest first: the last <see cref="ChartDays"/> UTC days up to today.</summary>
    public static IReadOnlyList<DateOnly> DaysUpTo(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. Enumerable.Range(1 - ChartDays, ChartDays).Select(today.AddDays)];
    }

    /// <summary>
    /// How a sign-in is counted, from what it proved (<c>amr</c>, separated by spaces): one of <see cref="SignInMethods"/>. A
    /// passkey after a password or an external account is its second step; a passkey alone is the sign-in without a password.
    /// </summary>
    public static string SignInMethodOf(string? methods)
    {
        var values = (methods ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = values.Contains(AuthenticationMethods.Federated) ? "external"
            : values.Contains(AuthenticationMethods.Password) ? "password"
            : null;
        var passkey = values.Contains(AuthenticationMethods.HardwareKey);
        return first is null ? passkey ? "passkey" : "other"
            : values.Contains(AuthenticationMethods.OneTimePassword) ? first + "-otp"
            : passkey ? first + "-passkey"
            : first;
    }

    private async Task<(DailyChart SignIns, DailyChart Failures)> ChartsAsync(DateTimeOffset now)
    {
        var days = DaysUpTo(now);
        var starts = days.Append(days[^1].AddDays(1)).Select(day => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToList();
        var from = starts[0];
        var to = starts[^1];
        var kinds = FailureKinds.Select(failure => failure.Kind).Append(SecurityEventKinds.SignInSucceeded).ToList();
        var groups = await db.SecurityEvents.AsNoTracking()
            .Where(row => row.OccurredAt >= from && row.OccurredAt < to && kinds.Contains(row.Kind))
            .GroupBy(row => new { row.Kind, row.Methods })
            .CountPerDay(starts)
            .ToListAsync();
        var signIns = Chart(days, SignInMethods,
            groups.Where(group => group.Key.Kind == SecurityEventKinds.SignInSucceeded).Select(group => (SignInMethodOf(group.Key.Methods), group.Counts)));
        var failures = Chart(days, [.. FailureKinds.Select(failure => failure.Key)],
            groups.Where(group => group.Key.Kind != SecurityEventKinds.SignInSucceeded)
                .Select(group => (FailureKinds.First(failure => failure.Kind == group.Key.Kind).Key, group.Counts)));
        return (signIns, failures);
    }

    /// <summary>The series of <paramref name="keys"/> that counted anything, in that order, each the sum of its groups.</summary>
    private static DailyChart Chart(IReadOnlyList<DateOnly> days, IReadOnlyList<string> keys, IEnumerable<(string Key, int[] Counts)> groups)
    {
        var sums = keys.ToDictionary(key => key, _ => new int[days.Count]);
        foreach (var (key, counts) in groups)
        {
            for (var day = 0; day < days.Count; day++)
            {
                sums[key][day] += counts[day];
            }
        }

        return new DailyChart(days, [.. keys.Where(key => sums[key].Any(count => count > 0)).Select(key => new ChartSeries(key, sums[key]))]);
    }
}
