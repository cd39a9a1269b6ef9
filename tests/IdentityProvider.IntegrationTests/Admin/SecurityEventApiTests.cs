using System.Globalization;
using System.Net;
using System.Text.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Admin.SecurityLogSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>GET /api/admin/security-events: the same filters as the page, as JSON or (Accept: text/csv) CSV.</summary>
public sealed class SecurityEventApiTests(SecurityLogFixture fixture) : IClassFixture<SecurityLogFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SecurityEvents_FilterByUserTypeAndDates_AnswersTheMatchingEventsNewestFirst()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var now = Factory.Clock.GetUtcNow();
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "old", now.AddDays(-3));
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "recent", now.AddHours(-1));
        await WriteEventAsync(Factory, SecurityEventKinds.SignInSucceeded, user.Id, "other type", now.AddHours(-1));
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, (await UserStories.CreateUserAsync(Factory)).Id, "other user", now.AddHours(-1));
        using var api = await ServiceApiClientAsync(Factory);

        var byEmail = await EventsAsync(api, $"user={Escape(user.Email)}&type={SecurityEventKinds.PasswordFailed}");
        var byId = await EventsAsync(api, $"user={user.Id}");
        var recent = await EventsAsync(api, $"user={user.Id}&from={Escape(now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture))}");
        var old = await EventsAsync(api, $"user={user.Id}&to={now.AddDays(-2).UtcDateTime:yyyy-MM-dd}");
        var twoTypes = await EventsAsync(api, $"user={user.Id}&type={SecurityEventKinds.SignInSucceeded}&type={SecurityEventKinds.PasswordFailed}&from={now.AddDays(-1):yyyy-MM-dd}");

        Assert.Equal(["recent", "old"], Details(byEmail));
        Assert.All(byEmail.GetProperty("events").EnumerateArray(), row =>
        {
            Assert.Equal(user.Id, row.GetProperty("userId").GetString());
            Assert.Equal(user.Email, row.GetProperty("userEmail").GetString());
            Assert.Equal(SecurityEventKinds.PasswordFailed, row.GetProperty("kind").GetString());
        });
        Assert.Equal(3, byId.GetProperty("total").GetInt32());
        Assert.Equal(["other type", "recent"], Details(recent).Order());
        Assert.Equal(["old"], Details(old));
        Assert.Equal(["other type", "recent"], Details(twoTypes).Order());
    }

    [Fact]
    public async Task SecurityEvents_Pages_HoldFiftyEachNewestFirst()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var start = Factory.Clock.GetUtcNow().AddHours(-2);
        for (var i = 0; i < 60; i++)
        {
            await WriteEventAsync(Factory, SecurityEventKinds.OtpFailed, user.Id, $"n{i}", start.AddSeconds(i));
        }

        using var api = await ServiceApiClientAsync(Factory);

        var first = await EventsAsync(api, $"user={user.Id}");
        var second = await EventsAsync(api, $"user={user.Id}&page=2");
        var beyond = await EventsAsync(api, $"user={user.Id}&page=3");

        Assert.Equal(50, Details(first).Count);
        Assert.Equal("n59", Details(first)[0]);
        Assert.True(first.GetProperty("hasOlder").GetBoolean());
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(i => $"n{i}"), Details(second));
        Assert.False(second.GetProperty("hasOlder").GetBoolean());
        Assert.Equal(60, second.GetProperty("total").GetInt32());
        Assert.Empty(Details(beyond));
    }

    [Theory]
    [InlineData("type=no.such-kind", "type")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-02&to=2025-03-01", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999999", "page")]
    [InlineData("user=%00admin", "user")]
    public async Task SecurityEvents_BadFilter_Is400NamingTheField(string query, string field)
    {
        using var api = await ServiceApiClientAsync(Factory);

        using var response = await api.GetAsync($"{EventsPath}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task SecurityEvents_AcceptCsv_AnswersTheFilteredListAsCsvThatRoundTrips()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        const string tricky = "device \"Work, old\"\r\nreplaced; 100% sure";
        await WriteEventAsync(Factory, SecurityEventKinds.DeviceRemoved, user.Id, tricky, actorId: "admin-service", clientId: "admin-service");
        await WriteEventAsync(Factory, SecurityEventKinds.DeviceRemoved, user.Id, "-2+3");
        await WriteEventAsync(Factory, SecurityEventKinds.DeviceRemoved, user.Id, "@SUM(A1:A2)");
        await WriteEventAsync(Factory, SecurityEventKinds.PasswordFailed, user.Id, "not this type");
        using var api = await ServiceApiClientAsync(Factory);

        using var response = await GetCsvAsync(api, $"user={Escape(user.Email)}&type={SecurityEventKinds.DeviceRemoved}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var (header, records) = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(CsvColumns, header);
        Assert.Equal(["'@SUM(A1:A2)", "'-2+3", tricky], records.Select(record => record["detail"]));
        Assert.Equal("admin-service", records[2]["actorId"]);
        Assert.Equal("admin-service", records[2]["clientId"]);
        Assert.Equal("192.0.2.7", records[2]["ipAddress"]);
        Assert.All(records, record => Assert.Equal(user.Email, record["userEmail"]));
    }

    [Fact]
    public async Task SecurityEvents_AdminAction_IsLoggedWithTheActor()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var (client, admin) = await UserStories.SignedInAdminAsync(fixture);
        using (client)
        {
            await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync(null, "travelling");
        }

        using var api = await ServiceApiClientAsync(Factory);

        var found = await EventsAsync(api, $"user={user.Id}&type={SecurityEventKinds.TwoStepSuspended}");

        var row = Assert.Single(found.GetProperty("events").EnumerateArray());
        Assert.Equal(admin.Id, row.GetProperty("actorId").GetString());
        Assert.Equal(admin.Email, row.GetProperty("actorEmail").GetString());
    }

    [Fact]
    public async Task SecurityEvents_Anonymous_Is401_EvenForCsv()
    {
        using var http = ApiClient(Factory, accessToken: null);

        using var json = await http.GetAsync(EventsPath);
        using var csv = await GetCsvAsync(http, "");

        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
        Assert.NotEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SecurityEvents_TokenWithoutAdminScope_Is403()
    {
        using var http = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        using var response = await GetCsvAsync(http, "");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SecurityEvents_AdministratorsCookie_IsNotEnough()
    {
        var (client, _) = await UserStories.SignedInAdminAsync(fixture);
        using (client)
        {
            using var response = await client.Http.GetAsync(EventsPath);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheSecurityEventsEndpoint()
    {
        using var http = Factory.CreateClient();

        using var document = await http.GetAsync("/openapi/v1.json");

        var path = (await document.JsonAsync()).GetProperty("paths").GetProperty(EventsPath).GetProperty("get");
        var parameters = path.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToList();
        Assert.Equal(["user", "type", "from", "to", "page"], parameters);
        var ok = path.GetProperty("responses").GetProperty("200");
        Assert.True(ok.TryGetProperty("content", out var content) && content.TryGetProperty("text/csv", out _) && content.TryGetProperty("application/json", out _),
            ok.ToString());
    }

    private static async Task<JsonElement> EventsAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync($"{EventsPath}?{query}");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<string> Details(JsonElement list) =>
        list.GetProperty("events").EnumerateArray().Select(row => row.GetProperty("detail").GetString()!).ToList();
}
