using System.Net;
using IdentityProvider.Admin.Users;
using IdentityProvider.Auditing;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The dashboard at <c>/admin</c> on <see cref="DashboardFixture"/>'s known world: each number exact, each link leading to a
/// list of exactly those users or tokens, the charts' tables equal to the security log per UTC day, and a user-manager's part.
/// </summary>
public sealed class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    /// <summary>Alice and Bob (seeded), the administrator and the user-manager, and the fixture's nine.</summary>
    private const int AllUsers = 13;

    [Fact]
    public async Task Numbers_CountTheSeededWorld()
    {
        var home = await AdminHomePage.OpenAsync(fixture.AdminClient);

        Assert.Equal(AllUsers, home.Number("users"));
        Assert.Equal(4, home.Number("with-device")); // the administrator, the user-manager, a staff member, one suspended
        Assert.Equal("4 (30%)", home.NumberText("with-device"));
        Assert.Equal(8, home.Number("two-step-off"));
        Assert.Equal(1, home.Number("in-grace"));
        Assert.Equal(1, home.Number("locked"));
        Assert.Equal(2, home.Number("suspended"));
        Assert.Equal(3, home.Number("tokens-active"));
        Assert.Equal(1, home.Number("tokens-expiring"));
        Assert.Equal(3, home.Number("hardware-in-stock"));
        Assert.Equal(1, home.Number("hardware-assigned"));
        Assert.Equal(2, home.Number("hardware-lost"));
        Assert.Equal(3, home.Number("mail-unsent"));
        Assert.Equal((2, 1), home.AdoptionByRole[ProviderRoles.Administrator]);
        Assert.Equal((1, 1), home.AdoptionByRole[ProviderRoles.UserManager]);
        Assert.Equal((4, 1), home.AdoptionByRole[DashboardFixture.StaffRole]);
    }

    [Theory]
    [InlineData("two-step-off")]
    [InlineData("locked")]
    [InlineData("suspended")]
    [InlineData("in-grace")]
    [InlineData("users")]
    public async Task UserNumbers_LinkToListsOfExactlyThoseUsers(string number)
    {
        var home = await AdminHomePage.OpenAsync(fixture.AdminClient);
        var expected = number switch
        {
            "two-step-off" => new[]
            {
                fixture.AliceId, fixture.BobId, fixture.StaffInGrace.Id, fixture.StaffGraceOver.Id, fixture.StaffNoGrace.Id,
                fixture.Locked.Id, fixture.LockOver.Id, fixture.SuspensionOver.Id,
            },
            "locked" => [fixture.Locked.Id],
            "suspended" => [fixture.Suspended.Id, fixture.SuspendedWithDevice.Id],
            "in-grace" => [fixture.StaffInGrace.Id],
            _ => await AllUserIdsAsync(),
        };

        var list = await home.FollowNumberAsync(number).As<AdminUsersPage>();

        Assert.Equal(home.Number(number), list.UserIds.Count);
        Assert.Equal(expected.Order(), list.UserIds.Order());
    }

    [Theory]
    [InlineData(HardwareTokenStatus.InStock)]
    [InlineData(HardwareTokenStatus.Lost)]
    [InlineData(HardwareTokenStatus.Assigned)]
    public async Task HardwareTokenNumbers_LinkToTheInventoryOfThatStatus(string status)
    {
        var home = await AdminHomePage.OpenAsync(fixture.AdminClient);
        var expected = status switch
        {
            HardwareTokenStatus.InStock => fixture.InStockSerials,
            HardwareTokenStatus.Lost => fixture.LostSerials,
            _ => ["DASH-ASSIGNED"],
        };

        var list = await home.FollowNumberAsync($"hardware-{status}").As<AdminHardwareTokensPage>();

        Assert.Equal(expected.Order(), list.Serials.Order());
    }

    [Fact]
    public async Task Charts_CountEachUtcDayOfTheSecurityLog_AsTheLogHoldsIt()
    {
        var home = await AdminHomePage.OpenAsync(fixture.AdminClient);
        var signIns = home.ChartTable(AdminHomePage.SignInsChart);
        var failures = home.ChartTable(AdminHomePage.FailuresChart);
        var (loggedSignIns, loggedFailures) = await CountTheLogAsync();

        Assert.Equal(Enumerable.Range(0, 14).Select(fixture.FirstDay.AddDays), signIns.Select(row => row.Day));
        Assert.Equal(Enumerable.Range(0, 14).Select(fixture.FirstDay.AddDays), failures.Select(row => row.Day));
        foreach (var (day, counts) in signIns)
        {
            Assert.Equal(loggedSignIns.GetValueOrDefault(day) ?? [], counts.Where(pair => pair.Key != "total" && pair.Value > 0).ToDictionary());
            Assert.Equal(counts.Where(pair => pair.Key != "total").Sum(pair => pair.Value), counts["total"]);
        }

        foreach (var (day, counts) in failures)
        {
            Assert.Equal(loggedFailures.GetValueOrDefault(day) ?? [], counts.Where(pair => pair.Key != "total" && pair.Value > 0).ToDictionary());
        }
    }

    [Fact]
    public async Task Charts_ShowTheKnownDays_NotTheDayBefore_AndMidnightInUtc()
    {
        var home = await AdminHomePage.OpenAsync(fixture.AdminClient);
        var signIns = home.ChartTable(AdminHomePage.SignInsChart).ToDictionary(row => row.Day, row => row.Counts);
        var failures = home.ChartTable(AdminHomePage.FailuresChart).ToDictionary(row => row.Day, row => row.Counts);
        var day = fixture.FirstDay;

        Assert.Equal(2, signIns[day]["password"]); // not the 5 of the day before
        Assert.Equal(1, failures[day]["password"]); // not the 4 of the day before, nor the throttled attempts
        Assert.Equal(1, signIns[day.AddDays(3)]["password-otp"]);
        Assert.Equal(1, signIns[day.AddDays(3)]["external"]);
        Assert.Equal(2, failures[day.AddDays(3)]["otp"]);
        Assert.Equal(1, failures[day.AddDays(3)]["lockout"]);
        Assert.Equal(1, signIns[day.AddDays(6)]["password"]); // 23:59:30
        Assert.Equal(1, signIns[day.AddDays(7)]["password"]); // 00:00:30
        Assert.Equal(1, signIns[day.AddDays(7)]["external-otp"]);
        Assert.Equal(3, failures[day.AddDays(7)]["recovery-code"]);
        Assert.Equal(1, signIns[day.AddDays(13)]["password"]);
        Assert.Equal(2, signIns[day.AddDays(13)]["password-otp"]); // the administrator's and the user-manager's
        Assert.Equal(0, signIns[day.AddDays(5)]["total"]);
        Assert.Equal(["Password", "Password and one-time password", "External account", "External account and one-time password"], home.Legend(AdminHomePage.SignInsChart));
        Assert.Contains(home.BarTitles(AdminHomePage.FailuresChart), title => title.EndsWith(": Wrong recovery code, 3", StringComparison.Ordinal));
        Assert.Equal("Days are counted in UTC.", home.ChartsNote);
    }

    [Fact]
    public async Task UserManager_SeesTheUsersAndHardwareTokens_Only()
    {
        var admin = await AdminHomePage.OpenAsync(fixture.AdminClient);
        var manager = await AdminHomePage.OpenAsync(fixture.ManagerClient);

        Assert.Equal(
            ["users", "with-device", "two-step-off", "in-grace", "locked", "suspended", "hardware-in-stock", "hardware-assigned", "hardware-lost"],
            manager.NumberNames);
        Assert.All(manager.NumberNames, name => Assert.Equal(admin.Number(name), manager.Number(name)));
        Assert.False(manager.HasChart(AdminHomePage.SignInsChart));
        Assert.False(manager.HasChart(AdminHomePage.FailuresChart));
        var locked = await manager.FollowNumberAsync("locked").As<AdminUsersPage>();
        Assert.Equal([fixture.Locked.Id], locked.UserIds);
    }

    [Fact]
    public async Task UsersList_SortedByLastSignIn_NewestFirst_NeverLast()
    {
        var sorted = await AdminUsersPage.FilterAsync(fixture.AdminClient, "", UserListFilters.ByLastSignIn);
        var byAddress = await AdminUsersPage.FilterAsync(fixture.AdminClient, "");

        Assert.Equal([fixture.Manager.Id, fixture.Admin.Id, fixture.BobId, fixture.Locked.Id, fixture.StaffWithDevice.Id], sorted.UserIds.Take(5));
        Assert.Equal(AllUsers, sorted.UserIds.Count);
        Assert.Equal(byAddress.UserIds.Except(sorted.UserIds.Take(5)), sorted.UserIds.Skip(5)); // the rest by address
        Assert.Equal(("", UserListFilters.ByLastSignIn), sorted.Chosen);
    }

    [Fact]
    public async Task UsersList_FilterAndSortTogether_AndAnUnknownFilterIsRefused()
    {
        var offSorted = await AdminUsersPage.FilterAsync(fixture.AdminClient, UserListFilters.TwoStepOff, UserListFilters.ByLastSignIn);
        var staffOff = await AdminUsersPage.FilterAsync(fixture.AdminClient, UserListFilters.TwoStepOff, search: "user-");
        var unknown = await AdminUsersPage.TryFilterAsync(fixture.AdminClient, "admins").As<AdminUsersPage>();
        var unknownSort = await AdminUsersPage.TryFilterAsync(fixture.AdminClient, "", "name").As<AdminUsersPage>();

        Assert.Equal([fixture.BobId, fixture.Locked.Id], offSorted.UserIds.Take(2));
        Assert.Equal(8, offSorted.UserIds.Count);
        Assert.Equal((UserListFilters.TwoStepOff, UserListFilters.ByLastSignIn), offSorted.Chosen);
        Assert.Equal(6, staffOff.UserIds.Count); // not Alice and Bob, whose addresses do not contain "user-"
        Assert.Empty(unknown.UserIds);
        Assert.Equal("Choose what to show from the list.", unknown.Message);
        Assert.Empty(unknownSort.UserIds);
    }

    [Fact]
    public async Task UsersApi_TakesTheSameFilterAndSort_AndRefusesAnUnknownOne()
    {
        using var http = await AdminApiStories.ServiceApiClientAsync(fixture.Factory);

        var suspended = await (await http.GetAsync($"{UserSteps.UsersApi}?filter={UserListFilters.Suspended}")).JsonAsync();
        var sorted = await (await http.GetAsync($"{UserSteps.UsersApi}?sort={UserListFilters.ByLastSignIn}")).JsonAsync();
        using var unknown = await http.GetAsync($"{UserSteps.UsersApi}?filter=admins");

        Assert.Equal(new[] { fixture.Suspended.Id, fixture.SuspendedWithDevice.Id }.Order(),
            suspended.GetProperty("users").EnumerateArray().Select(user => user.GetProperty("id").GetString()!).Order());
        Assert.Equal(2, suspended.GetProperty("total").GetInt32());
        Assert.Equal(fixture.Manager.Id, sorted.GetProperty("users")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("filter", out _));
    }

    private Task<string[]> AllUserIdsAsync() =>
        fixture.Factory.QueryAsync(db => db.Users.Select(user => user.Id).ToArrayAsync());

    /// <summary>The security log's sign-ins (by what they proved) and failures per UTC day, counted here from its rows.</summary>
    private async Task<(Dictionary<DateOnly, Dictionary<string, int>> SignIns, Dictionary<DateOnly, Dictionary<string, int>> Failures)> CountTheLogAsync()
    {
        var methods = new Dictionary<string, string>
        {
            ["pwd"] = "password", ["pwd otp mfa"] = "password-otp", ["fed"] = "external", ["fed otp mfa"] = "external-otp",
        };
        var failures = new Dictionary<string, string>
        {
            [SecurityEventKinds.PasswordFailed] = "password", [SecurityEventKinds.OtpFailed] = "otp",
            [SecurityEventKinds.RecoveryCodeFailed] = "recovery-code", [SecurityEventKinds.LockedOut] = "lockout",
        };
        var rows = await fixture.Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().ToListAsync());
        static Dictionary<DateOnly, Dictionary<string, int>> PerDay(IEnumerable<(DateOnly Day, string Key)> events) =>
            events.GroupBy(row => row.Day).ToDictionary(day => day.Key, day => day.GroupBy(row => row.Key).ToDictionary(key => key.Key, key => key.Count()));
        DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);
        return (
            PerDay(rows.Where(row => row.Kind == SecurityEventKinds.SignInSucceeded).Select(row => (DayOf(row.OccurredAt), methods[row.Methods!]))),
            PerDay(rows.Where(row => failures.ContainsKey(row.Kind)).Select(row => (DayOf(row.OccurredAt), failures[row.Kind]))));
    }
}
