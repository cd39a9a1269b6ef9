using IdentityProvider.Auditing;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.AccountOverview;

/// <summary>
/// The overview's one query and the activity's page on SQLite, where moments are stored as ticks: the latest device
/// use, the nearest token expiry, the last password change and newest-first order must come out as on PostgreSQL.
/// </summary>
public class AccountOverviewSqliteTests(SqliteAccountOverviewFixture provider) : IClassFixture<SqliteAccountOverviewFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task OverviewAndActivity_OnSqlite_ShowLatestAndNearestMomentsNewestFirst()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var now = Factory.Clock.GetUtcNow();
        foreach (var (label, days) in new[] { ("far", 60), ("near", 7), ("middle", 30) })
        {
            var created = await Factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens => tokens.CreateAsync(user.Id, new NewTokenInput(label, days, false, ["api"])));
            Assert.True(created.Succeeded);
        }

        using var client = ActivityStories.BrowserClient(provider, ActivityStories.ChromeOnWindows);
        (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var change = await (await ManagePage.OpenAsync(client).As<ManagePage>()).OpenChangePasswordAsync();
        var account = (await change.ChangeAsync(user.Password, "sqlite-new-password-1")).As<ManagePage>();

        Assert.Equal(("On", 1, 10, 3), (account.TwoStepState, account.TwoStepDevices, account.RecoveryCodesLeft, account.ActiveTokens));
        Assert.Equal(ActivityStories.ToSecond(now.AddDays(7)), account.NextTokenExpiryAt);
        Assert.Equal(ActivityStories.ToSecond((await Factory.ReadDeviceAsync(device.Id)).LastUsedAt!.Value), account.TwoStepLastUsedAt);
        Assert.Equal(ActivityStories.ToSecond(Factory.Clock.GetUtcNow()), account.PasswordChangedAt);

        var activity = await account.OpenActivityAsync();
        Assert.Equal(SecurityEventKinds.PasswordChanged, activity.Rows[0].Kind);
        Assert.Equal(activity.Moments.OrderByDescending(moment => moment), activity.Moments);
        Assert.Contains(activity.Rows, row => row.Kind == SecurityEventKinds.SignInSucceeded && row.Otp == "Entered" && row.Browser == "Chrome on Windows");
    }
}
