using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A user's two-step sign-in administered through the tab and through <c>/api/admin/users/{id}/…</c>: status,
/// devices, suspension, recovery codes, device removal and remembered browsers, each seen at sign-in and logged
/// with the acting administrator or service client.
/// </summary>
public sealed class UserTwoStepAdminTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string ServiceClient = "admin-service";

    private ProviderFactory Factory => fixture.Factory;

    private static string TwoStepPath(string userId) => $"/api/admin/users/{userId}/two-step";

    [Fact]
    public async Task TwoStepTab_Status_SaysOnOffAndSuspendedUntilWithTheReason()
    {
        var withDevice = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, withDevice.Id);
        var without = await UserStories.CreateUserAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var on = await AdminUserTwoStepPage.OpenAsync(client, withDevice.Id);
        var off = await AdminUserTwoStepPage.OpenAsync(client, without.Id);
        var suspended = await on.SuspendAsync("3", "Phone in repair").As<AdminUserTwoStepPage>();

        Assert.Equal("Status: on", on.StatusText);
        Assert.StartsWith("Status: off", off.StatusText);
        var until = Factory.Clock.GetUtcNow().AddDays(3).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"suspended until {until}", suspended.StatusText);
        Assert.Contains("(reason: Phone in repair)", suspended.StatusText);
        Assert.Contains("TOTP", Assert.Single(on.DeviceRows));
        Assert.Contains("Phone", Assert.Single(on.DeviceRows));
    }

    [Fact]
    public async Task TwoStepTab_SuspendWithAControlCharacterInTheReason_ShowsAMessageAndChangesNothing()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var answer = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync("3", "Lost\u0001phone").As<AdminUserTwoStepPage>();

        Assert.Contains("control characters", answer.Alerts);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledReason);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended);
    }

    [Fact]
    public async Task TwoStepTab_ForgetRememberedBrowsers_AsksForTheOtpAgainAndLogsTheAdmin()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var userClient = fixture.CreateClient();
        var otp = await (await LoginPage.OpenAsync(userClient)).SignInAsync(user.Email, user.Password).As<TwoStepPage>();
        Factory.Clock.Advance(UserStories.Step);
        (await otp.SubmitCodeAsync(device.TotpNow(Factory.Clock), rememberBrowser: true)).As<ManagePage>();
        Factory.Clock.Advance(UserStories.PastSessionLifetime);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        Assert.StartsWith("1 browser skips", tab.RememberedBrowsersText);

        var after = await tab.ForgetBrowsersAsync().As<AdminUserTwoStepPage>();

        Assert.Contains("1 remembered browser was forgotten", after.StatusMessage);
        Assert.StartsWith("0 browsers skip", after.RememberedBrowsersText);
        Assert.Equal(admin.Id, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.BrowsersForgottenByAdmin).ActorId);
        // The browser that was remembered gets the OTP step again.
        (await UserStories.SignInWithPasswordAsync(userClient, user.Email, user.Password)).As<TwoStepPage>();
    }

    [Fact]
    public async Task TwoStepTab_RemoveDevice_NextSignInAsksNoOtp()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var after = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).RemoveDeviceAsync(device.Id).As<AdminUserTwoStepPage>();

        Assert.True(after.SaysNoDevices);
        Assert.StartsWith("Status: off", after.StatusText);
        Assert.Equal(admin.Id, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.DeviceRemoved).ActorId);
        Assert.Equal(["pwd"], await PasswordSignInAmrAsync(user));
    }

    [Fact]
    public async Task TwoStepApi_Get_GivesTheStatusAndTheDevices()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id, name: "Work phone");
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.GetAsync(TwoStepPath(user.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("on", body.GetProperty("status").GetString());
        var listed = Assert.Single(body.GetProperty("devices").EnumerateArray());
        Assert.Equal(device.Id, listed.GetProperty("id").GetGuid());
        Assert.Equal("Work phone", listed.GetProperty("name").GetString());
        Assert.Equal("totp", listed.GetProperty("type").GetString());
        Assert.True(listed.TryGetProperty("addedAt", out _));
        Assert.True(listed.TryGetProperty("lastUsedAt", out _));
        Assert.DoesNotContain("secret", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TwoStepApi_SuspendForDaysThenRestore_SeenAtSignInAndLoggedWithTheClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var http = await ServiceApiClientAsync(Factory);

        using var suspended = await http.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", new { days = 3, reason = "Lost phone" });

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var body = await suspended.JsonAsync();
        Assert.Equal("suspended", body.GetProperty("status").GetString());
        Assert.Equal("Lost phone", body.GetProperty("suspensionReason").GetString());
        Assert.Equal(Factory.Clock.GetUtcNow().AddDays(3), body.GetProperty("suspendedUntil").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal(["pwd"], await PasswordSignInAmrAsync(user));

        using var restored = await http.DeleteAsync($"{TwoStepPath(user.Id)}/suspension");

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("on", (await restored.JsonAsync()).GetProperty("status").GetString());
        using var userClient = fixture.CreateClient();
        await UserStories.PasswordToOtpPageAsync(userClient, UserStories.WebRequest(), user);
        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Equal(ServiceClient, Assert.Single(events, row => row.Kind == SecurityEventKinds.TwoStepSuspended).ActorId);
        Assert.Equal(ServiceClient, Assert.Single(events, row => row.Kind == SecurityEventKinds.TwoStepRestored).ActorId);
    }

    [Fact]
    public async Task TwoStepApi_SuspendIndefinitely_WithDaysNull()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", new { days = (int?)null, reason = "New phone on order" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("suspendedIndefinitely").GetBoolean());
        Assert.True((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledIndefinitely);
        Factory.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(["pwd"], await PasswordSignInAmrAsync(user));
    }

    [Theory]
    [InlineData(0, "Lost", "days")]
    [InlineData(366, "Lost", "days")]
    [InlineData(-5, "Lost", "days")]
    [InlineData(3, "", "reason")]
    [InlineData(3, "   ", "reason")]
    [InlineData(3, "Lost\u0000phone", "reason")]
    public async Task TwoStepApi_SuspendWithBadInput_Is400NamingTheFieldAndChangesNothing(int days, string reason, string field)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", new { days, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        Assert.Null(stored.TwoStepDisabledUntil);
        Assert.Empty(await Factory.SecurityEventsAsync(user.Id));
    }

    [Fact]
    public async Task TwoStepApi_SuspendWithTooLongAReason_Is400()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", new { days = 3, reason = new string('x', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledReason);
    }

    [Fact]
    public async Task TwoStepApi_NewRecoveryCodes_ReturnedOnceAndTheyWorkAtSignIn()
    {
        var (user, _, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PostAsync($"/api/admin/users/{user.Id}/recovery-codes", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var codes = (await response.JsonAsync()).GetProperty("codes").EnumerateArray().Select(code => code.GetString()!).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(oldCodes));
        var generated = (await Factory.SecurityEventsAsync(user.Id)).Last(row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);
        Assert.Equal(ServiceClient, generated.ActorId);
        Assert.All(codes, code => Assert.DoesNotContain(code, generated.Detail ?? ""));

        using var userClient = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await (await UserStories.PasswordToOtpPageAsync(userClient, request, user)).UseRecoveryCodeAsync();
        var tokens = await UserStories.ExchangeCodeAsync(userClient, request, await page.SubmitCodeAsync(codes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task TwoStepApi_RemoveDevice_NextSignInAsksNoOtp_AndASecondRemovalIs404()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var http = await ServiceApiClientAsync(Factory);

        using var removed = await http.DeleteAsync($"/api/admin/users/{user.Id}/devices/{device.Id}");
        using var again = await http.DeleteAsync($"/api/admin/users/{user.Id}/devices/{device.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ServiceClient, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.DeviceRemoved).ActorId);
        Assert.Equal(["pwd"], await PasswordSignInAmrAsync(user));
    }

    [Fact]
    public async Task TwoStepApi_ForgetBrowsers_IsLoggedWithTheClient()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PostAsync($"{TwoStepPath(user.Id)}/forget-browsers", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("forgotten").GetInt32());
        Assert.Equal(ServiceClient, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.BrowsersForgottenByAdmin).ActorId);
    }

    [Theory]
    [InlineData("GET", "/two-step")]
    [InlineData("DELETE", "/two-step/suspension")]
    [InlineData("POST", "/recovery-codes")]
    [InlineData("DELETE", "/devices/00000000-0000-0000-0000-000000000001")]
    public async Task TwoStepApi_UnknownUser_Is404ProblemDocument(string method, string tail)
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/admin/users/no-such-user{tail}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task TwoStepApi_AnonymousIs401_ScopelessIs403_AndNothingChanges()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var anonymous = ApiClient(Factory, accessToken: null);
        using var scopeless = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));
        var body = new { days = 3, reason = "Lost" };

        using var byAnonymous = await anonymous.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", body);
        using var byScopeless = await scopeless.PutAsJsonAsync($"{TwoStepPath(user.Id)}/suspension", body);
        using var readByScopeless = await scopeless.GetAsync(TwoStepPath(user.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byScopeless.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByScopeless.StatusCode);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledReason);
    }

    [Fact]
    public async Task TwoStepTab_NonAdministrator_IsRefused()
    {
        var target = await UserStories.CreateUserAsync(Factory);
        var (_, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;

        var answer = await AdminUserTwoStepPage.TryOpenAsync(client, target.Id);

        Assert.False(answer.Is<AdminUserTwoStepPage>());
        Assert.DoesNotContain(target.Email, answer.Text);
    }

    /// <summary>Signs the user in at the web client with the password alone (no OTP step may follow) and returns amr.</summary>
    private async Task<string[]> PasswordSignInAmrAsync(TestUser user)
    {
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));
        return tokens.Amr;
    }
}
