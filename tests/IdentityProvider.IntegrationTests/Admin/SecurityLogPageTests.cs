using System.Globalization;
using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Admin.SecurityLogSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>/admin/security-log: filters by user, event type and date range, paging, the CSV export, and who may open it.</summary>
public sealed class SecurityLogPageTests(SecurityLogFixture fixture) : IClassFixture<SecurityLogFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SecurityLog_FilterByUserEmailOrId_ShowsOnlyThatUsersEvents()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var other = await UserStories.CreateUserAsync(Factory);
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "first");
        await WriteEventAsync(Factory, SecurityEventKinds.SignInSucceeded, user.Id, "second");
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, other.Id, "someone else");
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var byEmail = await (await AdminSecurityLogPage.OpenAsync(client)).FilterAsync(user: user.Email.ToUpperInvariant());
        var byId = await AdminSecurityLogPage.FilterAsync(client, user: user.Id);

        Assert.Equal(["second", "first"], byEmail.Rows.Select(row => row.Detail));
        Assert.All(byEmail.Rows, row => Assert.Equal(user.Email, row.User));
        Assert.Equal(byEmail.Rows, byId.Rows);
        Assert.StartsWith("2 events", byEmail.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityLog_FilterByType_ShowsOnlyThatType()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id);
        await WriteEventAsync(Factory, SecurityEventKinds.LockedOut, user.Id);
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var page = await AdminSecurityLogPage.FilterAsync(client, user: user.Email, type: SecurityEventKinds.PasswordFailed);
        var everyLockout = await AdminSecurityLogPage.FilterAsync(client, type: SecurityEventKinds.LockedOut);

        Assert.Equal(2, page.Rows.Count);
        Assert.All(page.Rows, row => Assert.Equal(SecurityEventKinds.PasswordFailed, row.Kind));
        Assert.Contains(SecurityEventKinds.TokenUsed, page.OfferedTypes);
        Assert.NotEmpty(everyLockout.Rows);
        Assert.All(everyLockout.Rows, row => Assert.Equal(SecurityEventKinds.LockedOut, row.Kind));
    }

    [Fact]
    public async Task SecurityLog_FilterByDateRange_InUtc_KeepsTheEventsInside()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var now = Factory.Clock.GetUtcNow();
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "ten days ago", now.AddDays(-10));
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "five days ago", now.AddDays(-5));
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "yesterday", now.AddDays(-1));
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var days = await AdminSecurityLogPage.FilterAsync(client, user: user.Id, from: Day(now.AddDays(-6)), to: Day(now.AddDays(-5)));
        var moments = await AdminSecurityLogPage.FilterAsync(client, user: user.Id, from: Minute(now.AddDays(-5).AddMinutes(1)));
        var until = await AdminSecurityLogPage.FilterAsync(client, user: user.Id, to: Minute(now.AddDays(-5).AddMinutes(1)));

        Assert.Equal(["five days ago"], days.Rows.Select(row => row.Detail));
        Assert.Equal(["yesterday"], moments.Rows.Select(row => row.Detail));
        Assert.Equal(["five days ago", "ten days ago"], until.Rows.Select(row => row.Detail));
    }

    [Fact]
    public async Task SecurityLog_SeveralTypes_InWords_DatesInTheReadersZone()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var now = Factory.Clock.GetUtcNow();
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "failed", now.AddHours(-3));
        await WriteEventAsync(Factory, SecurityEventKinds.LockedOut, user.Id, "locked", now.AddHours(-2));
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordChanged, user.Id, "changed", now.AddHours(-1));
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var both = await AdminSecurityLogPage.FilterAsync(client, user: user.Id, types: [SecurityEventKinds.PasswordFailed, SecurityEventKinds.LockedOut]);
        Assert.Equal(["locked", "failed"], both.Rows.Select(row => row.Detail));
        Assert.Equal(["Account locked after failed attempts", "Wrong password"], both.Rows.Select(row => row.Event));
        Assert.Equal("Wrong password (sign-in.password-failed)", both.OfferedTypeWords[SecurityEventKinds.PasswordFailed]);
        Assert.Equal(["datetime-local", "datetime-local"], both.DateFieldTypes);

        // Typed in Moscow time (UTC+3), the range is converted to UTC, and the page says which zone it reads.
        client.Http.DefaultRequestHeaders.Add("Cookie", "idp.tz=Europe%2FMoscow");
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        string InMoscow(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, moscow).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var window = await AdminSecurityLogPage.FilterAsync(client, user: user.Id, from: InMoscow(now.AddHours(-2.5)), to: InMoscow(now.AddHours(-2)));
        Assert.Equal(["locked"], window.Rows.Select(row => row.Detail));
        Assert.Contains("Europe/Moscow", window.ZoneNote, StringComparison.Ordinal);
        Assert.EndsWith("(Europe/Moscow)", window.Rows.Single().When, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a date", null, null, "From")]
    [InlineData(null, "2025-02-30", null, "To")]
    [InlineData("2025-03-02", "2025-03-01", null, "must not be before")]
    [InlineData(null, null, "no-such.kind", "event type")]
    public async Task SecurityLog_BadFilter_SaysWhatIsWrong(string? from, string? to, string? type, string message)
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var page = await AdminSecurityLogPage.FilterAsync(client, type: type, from: from, to: to);

        Assert.Contains(message, page.Alerts, StringComparison.Ordinal);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task SecurityLog_UserWithControlCharacters_IsRefusedWithAMessage()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var page = await AdminSecurityLogPage.FilterAsync(client, user: "alice\0@example.com\u0007");

        Assert.Contains("control characters", page.Alerts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityLog_ManyEvents_ArePagedNewestFirst()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var start = Factory.Clock.GetUtcNow().AddHours(-3);
        for (var i = 0; i < 120; i++)
        {
            await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, $"attempt {i}", start.AddSeconds(i));
        }

        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var first = await AdminSecurityLogPage.FilterAsync(client, user: user.Id);
        var second = await first.OlderAsync();
        var third = await second.OlderAsync();
        var back = await third.NewerAsync();

        Assert.Equal(50, first.Rows.Count);
        Assert.Equal("attempt 119", first.Rows[0].Detail);
        Assert.Equal("attempt 70", first.Rows[^1].Detail);
        Assert.False(first.HasNewer);
        Assert.Equal("attempt 69", second.Rows[0].Detail);
        Assert.Equal(20, third.Rows.Count);
        Assert.Equal("attempt 0", third.Rows[^1].Detail);
        Assert.False(third.HasOlder);
        Assert.Contains("Page 3 of 3", third.Summary, StringComparison.Ordinal);
        Assert.Equal(second.Rows, back.Rows);
        var times = first.Moments;
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task SecurityLog_ExportCsv_HasEveryEventOfTheFilter_QuotedAndGuarded()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        const string tricky = "label \"x, y\"\nsecond line, with a comma";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        await WriteEventAsync(Factory, SecurityEventKinds.DeviceAdded, user.Id, tricky);
        await WriteEventAsync(Factory, SecurityEventKinds.DeviceAdded, user.Id, formula);
        for (var i = 0; i < 55; i++)
        {
            await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, $"attempt {i}");
        }

        await WriteEventAsync(Factory, SecurityEventKinds.DeviceAdded, user.Id, "+1 more");
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var devices = await AdminSecurityLogPage.FilterAsync(client, user: user.Email, type: SecurityEventKinds.DeviceAdded);
        using var export = await devices.ExportCsvAsync();
        var everything = await AdminSecurityLogPage.FilterAsync(client, user: user.Email);
        using var all = await everything.ExportCsvAsync();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var text = await export.Content.ReadAsStringAsync();
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var (header, records) = ParseCsv(text);
        Assert.Equal(CsvColumns, header);
        Assert.Equal(["'+1 more", "'" + formula, tricky], records.Select(record => record["detail"]));
        Assert.All(records, record =>
        {
            Assert.Equal(SecurityEventKinds.DeviceAdded, record["kind"]);
            Assert.Equal(user.Id, record["userId"]);
            Assert.Equal(user.Email, record["userEmail"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$", record["occurredAt"]);
        });
        // Every event of the filter, not only the 50 of the page shown.
        Assert.Equal(58, ParseCsv(await all.Content.ReadAsStringAsync()).Records.Count);
    }

    [Fact]
    public async Task SecurityLog_AdminAction_ShowsTheAdministratorAsActor()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var (client, admin) = await UserStories.SignedInAdminAsync(fixture);
        using (client)
        {
            var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
            await tab.SuspendAsync("3", "new phone on its way").As<AdminUserTwoStepPage>();

            var log = await AdminSecurityLogPage.FilterAsync(client, user: user.Email, type: SecurityEventKinds.TwoStepSuspended);

            var row = Assert.Single(log.Rows);
            Assert.Equal(user.Email, row.User);
            Assert.Equal(admin.Email, row.Actor);
            Assert.Contains("new phone on its way", row.Detail, StringComparison.Ordinal);
            var byAdmin = await AdminSecurityLogPage.FilterAsync(client, user: admin.Email, type: SecurityEventKinds.TwoStepSuspended);
            Assert.Equal(row, Assert.Single(byAdmin.Rows));
        }
    }

    [Fact]
    public async Task SecurityLog_Anonymous_IsSentToThePasswordPage()
    {
        using var client = fixture.CreateClient();

        await AdminSecurityLogPage.TryOpenAsync(client).As<LoginPage>();
    }

    [Fact]
    public async Task SecurityLog_UserWithoutAdminRoleButBothSteps_IsRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        var page = await AdminSecurityLogPage.TryFilterAsync(client, user: user.Id);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("#security-events"));
    }

    [Fact]
    public async Task SecurityLog_AdminWithPasswordOnly_IsRefused()
    {
        // Alice has the admin role but no device here: her session proves the password alone.
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "alice@example.com", TestData.AlicePassword).As<ManagePage>();

        var page = await AdminSecurityLogPage.TryOpenAsync(client);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    private static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
