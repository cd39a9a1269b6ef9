using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.AccountOverview;

/// <summary>
/// /Manage/Activity: the user's own security events, newest first, 20 a page, each as a sentence, with the browser,
/// the address and whether the OTP step ran; administrators' actions labelled; never another user's events.
/// </summary>
public class ActivityPageTests(AccountOverviewFixture provider) : IClassFixture<AccountOverviewFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task Activity_SignIns_NewestFirstWithBrowserAndWhetherTheOtpStepRan()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using (var windows = ActivityStories.BrowserClient(provider, ActivityStories.ChromeOnWindows))
        {
            (await UserStories.SignInWithPasswordAsync(windows, user.Email, user.Password)).As<ManagePage>();
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var linux = ActivityStories.BrowserClient(provider, ActivityStories.FirefoxOnLinux);
        var otp = await UserStories.SignInWithPasswordAsync(linux, user.Email, user.Password).As<TwoStepPage>();
        Factory.Clock.Advance(UserStories.Step);
        await otp.SubmitCodeAsync("000000");
        Factory.Clock.Advance(UserStories.Step);
        (await otp.SubmitCodeAsync(device.TotpNow(Factory.Clock))).As<ManagePage>();

        var activity = await (await ManagePage.OpenAsync(linux).As<ManagePage>()).OpenActivityAsync();

        var rows = activity.Rows;
        Assert.Equal([SecurityEventKinds.SignInSucceeded, SecurityEventKinds.OtpFailed, SecurityEventKinds.SignInSucceeded], rows.Select(row => row.Kind));
        Assert.Equal(activity.Moments.OrderByDescending(moment => moment), activity.Moments);
        Assert.Equal(("Signed in to your account.", "Firefox on Linux", "Entered"), (rows[0].What, rows[0].Browser, rows[0].Otp));
        Assert.Equal(("A wrong one-time password was entered.", "Firefox on Linux", ""), (rows[1].What, rows[1].Browser, rows[1].Otp));
        Assert.Equal(("Chrome on Windows", "Not asked"), (rows[2].Browser, rows[2].Otp));
        Assert.DoesNotContain(rows, row => row.ByAdministrator || row.What.Contains("sign-in.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activity_AddressShown_AdministratorActionsLabelledWithoutTheirAddressOrBrowser()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id,
            Factory.Clock.GetUtcNow().AddMinutes(-10), ipAddress: "192.0.2.44", userAgent: ActivityStories.SafariOnIphone);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(provider);
        using (adminClient)
        {
            adminClient.Http.DefaultRequestHeaders.UserAgent.ParseAdd("AdminBrowser/1.0");
            await (await AdminUserTwoStepPage.OpenAsync(adminClient, user.Id)).SuspendAsync("2", "Phone lost").As<AdminUserTwoStepPage>();
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = provider.CreateClient();
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();

        var rows = (await ActivityPage.OpenAsync(client)).Rows;

        var suspended = Assert.Single(rows, row => row.Kind == SecurityEventKinds.TwoStepSuspended);
        Assert.True(suspended.ByAdministrator);
        Assert.Contains("By an administrator", suspended.What);
        Assert.Equal(("", ""), (suspended.Browser, suspended.Address));
        var failed = Assert.Single(rows, row => row.Kind == SecurityEventKinds.PasswordFailed);
        Assert.Equal(("192.0.2.44", "Safari on iOS", false), (failed.Address, failed.Browser, failed.ByAdministrator));
        Assert.Equal((SecurityEventKinds.SignInSucceeded, "Not asked"), (rows[0].Kind, rows[0].Otp)); // the password alone, while suspended
    }

    [Fact]
    public async Task Activity_ManyEvents_TwentyAPageNewestFirst_AnyPageNumberAnswered()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var start = Factory.Clock.GetUtcNow().AddDays(-1);
        for (var index = 0; index < 44; index++)
        {
            await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.OtpFailed, user.Id, start.AddMinutes(index));
        }

        var first = await ActivityPage.OpenAsync(client);
        var second = await first.OpenOlderAsync();
        var third = await second.OpenOlderAsync();

        Assert.Equal((20, 20, 5), (first.Rows.Count, second.Rows.Count, third.Rows.Count)); // 44 recorded and the sign-in
        Assert.Equal((false, true, true), (first.HasNewer, second.HasNewer, third.HasNewer));
        Assert.Equal((true, true, false), (first.HasOlder, second.HasOlder, third.HasOlder));
        var moments = first.Moments.Concat(second.Moments).Concat(third.Moments).ToList();
        Assert.Equal(moments.OrderByDescending(moment => moment), moments);
        Assert.Equal(45, first.Rows.Concat(second.Rows).Concat(third.Rows).Select(row => row.EventId).Distinct().Count());
        var backToFirst = await (await third.OpenNewerAsync()).OpenNewerAsync();
        Assert.Equal(first.Rows.Select(row => row.EventId), backToFirst.Rows.Select(row => row.EventId));

        foreach (var number in new[] { "0", "-3", "abc", "99999999999", "2147483647" })
        {
            var page = await ActivityPage.OpenPageAsync(client, number);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            page.As<ActivityPage>();
        }

        Assert.Equal(first.Rows.Select(row => row.EventId), (await ActivityPage.OpenPageAsync(client, "abc")).As<ActivityPage>().Rows.Select(row => row.EventId));
    }

    [Fact]
    public async Task Activity_AnotherUsersEvents_NeverShown()
    {
        const string otherBrowser = "SomeoneElsesBrowser/9.9";
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var other = await UserStories.CreateUserAsync(Factory);
        using (var otherClient = ActivityStories.BrowserClient(provider, otherBrowser))
        {
            (await UserStories.SignInWithPasswordAsync(otherClient, other.Email, other.Password)).As<ManagePage>();
        }

        var otherIds = new List<long>();
        for (var index = 0; index < 25; index++)
        {
            otherIds.Add(await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.PasswordFailed, other.Id, ipAddress: "198.51.100.99", userAgent: otherBrowser));
        }

        otherIds.Add(await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.PasswordFailed, null, ipAddress: "198.51.100.99"));

        var own = await ActivityPage.OpenAsync(client);
        var second = await ActivityPage.OpenPageAsync(client, 2);

        Assert.Equal([SecurityEventKinds.SignInSucceeded], own.Rows.Select(row => row.Kind));
        Assert.False(own.HasOlder);
        Assert.Empty(second.Rows);
        Assert.DoesNotContain(own.Rows.Concat(second.Rows), row => otherIds.Contains(row.EventId));
        Assert.DoesNotContain(otherBrowser, own.Text + second.Text);
        Assert.DoesNotContain("198.51.100.99", own.Text + second.Text);
        Assert.Contains(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.SignInSucceeded);
    }

    [Fact]
    public async Task Activity_ThisWasntMe_LeadsToChangingThePasswordAndLinksDevicesAndBrowsers()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var activity = await ActivityPage.OpenAsync(client);

        Assert.True(activity.LinksToDevicesAndBrowsers);
        Assert.Contains("Change it", activity.NotMeExplanation);
        (await activity.ThisWasNotMeAsync()).AssertEveryInputHasLabel();
    }

    [Fact]
    public async Task Activity_Anonymous_GoesToSignIn()
    {
        using var client = provider.CreateClient();

        (await ActivityPage.OpenPageAsync(client, "1")).As<LoginPage>();
    }
}
