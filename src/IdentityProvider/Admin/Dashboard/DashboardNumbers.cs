namespace IdentityProvider.Admin.Dashboard;

/// <summary>
/// What the dashboard at <c>/admin</c> shows. A user-manager's has only <see cref="Users"/> and <see cref="HardwareTokens"/>
/// (what its role may open); the rest is null.
/// </summary>
public sealed record DashboardNumbers(
    UserNumbers Users,
    HardwareTokenNumbers HardwareTokens,
    TokenNumbers? PersonalAccessTokens,
    int? MailBacklog,
    DailyChart? SignIns,
    DailyChart? Failures);

/// <param name="WithSecondStep">Users with a second step: an active OTP device or a passkey the policy lets be used (two-step adoption).</param>
/// <param name="TwoStepOff">No second step and not suspended (<see cref="Users.UserListFilters.TwoStepOff"/>).</param>
/// <param name="InGracePeriod">Required to use two-step sign-in, without a second step, inside the grace period.</param>
/// <param name="ByRole">Adoption among each role's members, by role name.</param>
public sealed record UserNumbers(
    int Total,
    int WithSecondStep,
    int TwoStepOff,
    int InGracePeriod,
    int Locked,
    int Suspended,
    IReadOnlyList<RoleAdoption> ByRole)
{
    /// <summary>The share of users with a second step, 0 to 100, rounded down (0 without users).</summary>
    public int AdoptionPercent => Percent(WithSecondStep, Total);

    internal static int Percent(int part, int whole) => whole == 0 ? 0 : (int)(100L * part / whole);
}

public sealed record RoleAdoption(string Role, int Members, int WithSecondStep)
{
    public int AdoptionPercent => UserNumbers.Percent(WithSecondStep, Members);
}

/// <param name="Active">Not revoked and not expired.</param>
/// <param name="ExpiringSoon">Active and expiring within <see cref="AdminDashboard.ExpiringWithin"/>.</param>
public sealed record TokenNumbers(int Active, int ExpiringSoon);

public sealed record HardwareTokenNumbers(int InStock, int Assigned, int Lost);

/// <summary>Counts per UTC day, oldest first, one series per kind of thing counted.</summary>
/// <param name="Days">The days, oldest first (the last is today, in UTC).</param>
public sealed record DailyChart(IReadOnlyList<DateOnly> Days, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The sum of every series on day <paramref name="index"/>.</summary>
    public int TotalOn(int index) => Series.Sum(series => series.Counts[index]);
}

/// <param name="Key">What is counted, a stable name (<see cref="AdminDashboard.SignInMethods"/>, <see cref="AdminDashboard.FailureKinds"/>).</param>
/// <param name="Counts">One count per day of the chart.</param>
public sealed record ChartSeries(string Key, IReadOnlyList<int> Counts);
