using IdentityProvider.Admin.Users;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The dashboard and the users list's filter and sort on the embedded database (SQLite keeps moments as ticks).</summary>
public sealed class DashboardSqliteTests(SqliteProviderFixture fixture) : IClassFixture<SqliteProviderFixture>
{
    [Fact]
    public async Task Dashboard_CountsAndChartsOnSqlite()
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(fixture);
        var locked = await UserStories.CreateUserAsync(fixture.Factory);
        var now = fixture.Factory.Clock.GetUtcNow();
        await fixture.Factory.UpdateUserAsync(locked.Id, user => (user.LockoutEnabled, user.LockoutEnd) = (true, now.AddHours(1)));
        using var _ = client;

        var home = await AdminHomePage.OpenAsync(client);
        var sorted = await AdminUsersPage.FilterAsync(client, "", UserListFilters.ByLastSignIn);
        var lockedList = await AdminUsersPage.FilterAsync(client, UserListFilters.Locked);

        Assert.Equal(1, home.Number("locked"));
        Assert.True(home.ChartTable(AdminHomePage.SignInsChart)[^1].Counts["password-otp"] >= 1); // the administrator's sign-in, today
        Assert.Equal(admin.Id, sorted.UserIds[0]);
        Assert.Equal([locked.Id], lockedList.UserIds);
    }
}
