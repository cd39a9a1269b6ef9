using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Admin.UserSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The user endpoints of the admin API: the same services as the pages, problem documents for every refusal.</summary>
public sealed class UserApiTests(UserFixture provider) : IClassFixture<UserFixture>
{
    private const string ServiceActor = "admin-service";

    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task ListUsers_SearchAndPage_AnswersTheMatchesWithTotal()
    {
        var marker = $"Api{Guid.NewGuid():N}"[..14];
        for (var i = 0; i < 27; i++)
        {
            await UserStories.CreateUserAsync(Factory, displayName: $"{marker} {i}");
        }

        using var http = await ServiceApiClientAsync(Factory);

        var first = await (await http.GetAsync($"{UsersApi}?search={marker.ToLowerInvariant()}")).JsonAsync();
        var second = await (await http.GetAsync($"{UsersApi}?search={marker}&page=2")).JsonAsync();

        Assert.Equal(27, first.GetProperty("total").GetInt32());
        Assert.Equal(25, first.GetProperty("users").GetArrayLength());
        Assert.Equal(2, second.GetProperty("users").GetArrayLength());
        var row = second.GetProperty("users")[0];
        Assert.StartsWith(marker, row.GetProperty("displayName").GetString());
        Assert.Equal("off", row.GetProperty("twoStep").GetString());
        Assert.False(row.GetProperty("locked").GetBoolean());
        Assert.False(row.GetProperty("disabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lastSignInAt").ValueKind);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    public async Task ListUsers_BadPage_Is400NamingTheField(string query, string field)
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.GetAsync($"{UsersApi}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListUsers_SearchTooLong_Is400()
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.GetAsync($"{UsersApi}?search={new string('x', 300)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("search", out _));
    }

    [Fact]
    public async Task CreateUser_WithPassword_Is201WithLocation_AndTheUserSignsIn()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var email = $"api-{Guid.NewGuid():N}@example.com";

        using var response = await PostJsonAsync(http, UsersApi, new { email, name = "Api Person", password = "a-good-password", roles = new[] { "staff" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal(UserApi(id), response.Headers.Location?.ToString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("setPasswordUrl").ValueKind);
        var read = await (await http.GetAsync(UserApi(id))).JsonAsync();
        Assert.Equal(email, read.GetProperty("email").GetString());
        Assert.Equal("staff", read.GetProperty("roles")[0].GetString());
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, email, "a-good-password").As<ManagePage>();
        var created = Assert.Single(await EventsAsync(Factory, id, "user.created"));
        Assert.Equal(ServiceActor, created.ActorId);
        Assert.DoesNotContain("a-good-password", created.Detail);
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_AnswersALinkThatWorksOnceAndIsNeverLogged()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var email = $"link-{Guid.NewGuid():N}@example.com";

        using var response = await PostJsonAsync(http, UsersApi, new { email, name = "Link Person" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetString()!;
        var link = body.GetProperty("setPasswordUrl").GetString()!;
        Assert.StartsWith("http", link);
        using var anonymous = provider.CreateClient();
        var done = await (await SetPasswordPage.OpenAsync(anonymous, link)).SetPasswordAsync("chosen-by-the-user");
        Assert.True(done.SaysPasswordSet, done.Text);
        var again = await SetPasswordPage.OpenAsync(anonymous, link);
        Assert.True(again.SaysLinkInvalid);
        Assert.False(again.OffersForm);
        await UserStories.SignInWithPasswordAsync(anonymous, email, "chosen-by-the-user").As<ManagePage>();
        var code = new Uri(link).Query.Split("code=")[1];
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(code, StringComparison.Ordinal));
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, id, "password.link-issued")).ActorId);
        Assert.Single(await EventsAsync(Factory, id, "password.set-by-link"));
    }

    [Fact]
    public async Task CreateUser_InvalidFields_Is400NamingEachField_AndCreatesNothing()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var email = $"bad-{Guid.NewGuid():N}@example.com";

        using var response = await PostJsonAsync(http, UsersApi, new { email = "not an address", name = "Nul\0Name", password = "x", roles = new[] { "bad role!" } });
        using var shortPassword = await PostJsonAsync(http, UsersApi, new { email, name = "Short", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.True((await shortPassword.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(0, await CountUsersWithEmailAsync(Factory, email));
    }

    [Fact]
    public async Task CreateUser_TakenEmail_Is400OnEmail()
    {
        var existing = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await PostJsonAsync(http, UsersApi, new { email = existing.Email.ToUpperInvariant(), name = "Twin", password = "a-good-password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task UnknownUser_EveryEndpoint_Is404ProblemDocument()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var path = UserApi(Guid.NewGuid().ToString());

        var responses = new List<HttpResponseMessage>
        {
            await http.GetAsync(path),
            await PatchJsonAsync(http, path, new { name = "x" }),
            await http.DeleteAsync(path),
        };
        foreach (var action in new[] { "lock", "unlock", "disable", "enable", "sign-out", "password" })
        {
            responses.Add(await PostJsonAsync(http, $"{path}/{action}"));
        }

        Assert.All(responses, response =>
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task PatchUser_ChangesEmailNameAndRoles_AndLogsWhatChanged()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);
        var email = $"renamed-{Guid.NewGuid():N}@example.com";

        using var response = await PatchJsonAsync(http, UserApi(user.Id), new { email, name = "New Name", roles = new[] { "staff", "auditor" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("New Name", body.GetProperty("displayName").GetString());
        Assert.Equal(["auditor", "staff"], body.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        var updated = Assert.Single(await EventsAsync(Factory, user.Id, "user.updated"));
        Assert.Equal(ServiceActor, updated.ActorId);
        Assert.Contains("e-mail", updated.Detail);
        Assert.Contains("roles", updated.Detail);
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, email, user.Password).As<ManagePage>();
    }

    [Fact]
    public async Task PatchUser_ControlCharacterInName_Is400AndChangesNothing()
    {
        var user = await UserStories.CreateUserAsync(Factory, displayName: "Before");
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await PatchJsonAsync(http, UserApi(user.Id), new { name = "Bad\u0001Name", email = "other@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.Equal("Before", stored.DisplayName);
        Assert.Equal(user.Email, stored.Email);
    }

    [Fact]
    public async Task LockAndUnlock_RefuseThenAllowThePassword_AndAreLogged()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        var locked = await (await PostJsonAsync(http, $"{UserApi(user.Id)}/lock")).JsonAsync();
        using var refused = provider.CreateClient();
        var attempt = await UserStories.SignInWithPasswordAsync(refused, user.Email, user.Password).As<LoginPage>();
        Factory.Clock.Advance(TimeSpan.FromDays(400));
        var stillLocked = await UserStories.SignInWithPasswordAsync(refused, user.Email, user.Password).As<LoginPage>();
        using var later = await ServiceApiClientAsync(Factory);
        var unlocked = await (await PostJsonAsync(later, $"{UserApi(user.Id)}/unlock")).JsonAsync();

        Assert.True(locked.GetProperty("locked").GetBoolean());
        Assert.Contains("locked", attempt.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("locked", stillLocked.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.False(unlocked.GetProperty("locked").GetBoolean());
        Assert.Equal(0, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        using var allowed = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(allowed, user.Email, user.Password).As<ManagePage>();
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "user.locked")).ActorId);
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "user.unlocked")).ActorId);
    }

    [Fact]
    public async Task Disable_EndsTheSessionAtOnce_RefusesRefreshAndTokenExchange_EnableAllowsSignInAgain()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = provider.CreateClient();
        var tokens = await WebTokensAsync(client, user);
        var pat = await IssueTokenAsync(Factory, user.Id);
        using var tokenHttp = Factory.CreateClient();
        Assert.NotNull((await ExchangeTokenAsync(tokenHttp, pat)).AccessToken);
        (await ManagePage.OpenAsync(client)).As<ManagePage>();
        using var http = await ServiceApiClientAsync(Factory);

        using var disabled = await PostJsonAsync(http, $"{UserApi(user.Id)}/disable");

        Assert.True((await disabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        (await ManagePage.OpenAsync(client)).As<LoginPage>();
        var refresh = await TokenResponse.RefreshAsync(tokenHttp, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.Equal("invalid_grant", (await ExchangeTokenAsync(tokenHttp, pat)).Error);
        using var again = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(again, user.Email, user.Password).As<LoginPage>();

        using var enabled = await PostJsonAsync(http, $"{UserApi(user.Id)}/enable");

        Assert.False((await enabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        await UserStories.SignInWithPasswordAsync(again, user.Email, user.Password).As<ManagePage>();
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "user.disabled")).ActorId);
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "user.enabled")).ActorId);
    }

    [Fact]
    public async Task SignOut_EndsSessionsAndRefreshTokens_ButThePasswordStillSignsIn()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = provider.CreateClient();
        var tokens = await WebTokensAsync(client, user);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await PostJsonAsync(http, $"{UserApi(user.Id)}/sign-out");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await ManagePage.OpenAsync(client)).As<LoginPage>();
        using var tokenHttp = Factory.CreateClient();
        Assert.Equal("invalid_grant", (await TokenResponse.RefreshAsync(tokenHttp, "web", TestData.WebSecret, tokens.RefreshToken!)).Error);
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<ManagePage>();
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "user.signed-out-everywhere")).ActorId);
    }

    [Fact]
    public async Task Password_SetOrLink_EndsSessions_OldPasswordFails()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<ManagePage>();
        using var http = await ServiceApiClientAsync(Factory);

        using var tooShort = await PostJsonAsync(http, $"{UserApi(user.Id)}/password", new { password = "short" });
        using var set = await PostJsonAsync(http, $"{UserApi(user.Id)}/password", new { password = "a-new-password" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        (await ManagePage.OpenAsync(client)).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(client, user.Email, "a-new-password").As<ManagePage>();

        using var linked = await PostJsonAsync(http, $"{UserApi(user.Id)}/password", new { });

        var link = (await linked.JsonAsync()).GetProperty("setPasswordUrl").GetString()!;
        (await ManagePage.OpenAsync(client)).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(client, user.Email, "a-new-password").As<LoginPage>();
        Assert.True((await (await SetPasswordPage.OpenAsync(client, link)).SetPasswordAsync("third-password")).SaysPasswordSet);
        Assert.Equal(ServiceActor, Assert.Single(await EventsAsync(Factory, user.Id, "password.reset-by-admin")).ActorId);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => (row.Detail ?? "").Contains("a-new-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_RemovesTheUserAndWhatBelongsToThem()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        await UserStories.GenerateRecoveryCodesAsync(Factory, user.Id);
        var pat = await IssueTokenAsync(Factory, user.Id);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.DeleteAsync(UserApi(user.Id));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(UserApi(user.Id))).StatusCode);
        Assert.Empty(await Factory.ReadRecoveryCodesAsync(user.Id));
        Assert.Equal(0, await Factory.QueryAsync(db => Task.FromResult(db.OtpDevices.Count(row => row.Id == device.Id))));
        using var tokenHttp = Factory.CreateClient();
        Assert.Equal("invalid_grant", (await ExchangeTokenAsync(tokenHttp, pat)).Error);
        var deleted = Assert.Single(await EventsAsync(Factory, user.Id, "user.deleted"));
        Assert.Equal(ServiceActor, deleted.ActorId);
    }

    [Fact]
    public async Task UserEndpoints_AnonymousAndScopeLess_AreRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var anonymous = ApiClient(Factory, accessToken: null);
        using var scopeLess = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(UsersApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJsonAsync(anonymous, $"{UserApi(user.Id)}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scopeLess.GetAsync(UsersApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scopeLess.DeleteAsync(UserApi(user.Id))).StatusCode);
        Assert.False((await Factory.ReadUserAsync(user.Id)).IsDisabled);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheUserEndpoints()
    {
        using var http = Factory.CreateClient();

        var paths = (await (await http.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");

        foreach (var path in new[] { UsersApi, UsersApi + "/{id}", UsersApi + "/{id}/lock", UsersApi + "/{id}/unlock", UsersApi + "/{id}/disable",
            UsersApi + "/{id}/enable", UsersApi + "/{id}/sign-out", UsersApi + "/{id}/password" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }
}
