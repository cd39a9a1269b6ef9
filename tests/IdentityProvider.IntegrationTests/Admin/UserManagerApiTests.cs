using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.Admin.UserManagerSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The admin API with a user-manager's rights (a user-manager's token with <c>idp.admin</c>, or a service client with
/// <c>idp.users</c>): the user endpoints work, everything else answers 403, and so does any change to an administrator.
/// </summary>
public sealed class UserManagerApiTests(UserManagerFixture fixture) : IClassFixture<UserManagerFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Theory]
    [InlineData(UserManagerCaller.ManagerToken)]
    [InlineData(UserManagerCaller.DeskService)]
    public async Task UserEndpoints_Work_AndTheLogNamesTheCaller(UserManagerCaller caller)
    {
        var (http, actorId) = await CallerAsync(Factory, caller);
        using var api = http;
        var target = await HelpedUserAsync(Factory);
        var serial = await InStockTokenAsync(Factory);

        var found = await (await api.GetAsync($"{UserSteps.UsersApi}?search={Uri.EscapeDataString(target.User.Email)}")).AssertOkJsonAsync();
        Assert.Equal(target.Id, Assert.Single(found.GetProperty("users").EnumerateArray()).GetProperty("id").GetString());
        foreach (var (method, path, body, status) in new (string, string, object?, HttpStatusCode)[]
        {
            ("GET", "/api/admin/users/{user}", null, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/lock", null, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/unlock", null, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/password", new { password = $"Pw-{Guid.NewGuid():N}" }, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/password", new { }, HttpStatusCode.OK),
            ("GET", "/api/admin/users/{user}/two-step", null, HttpStatusCode.OK),
            ("PUT", "/api/admin/users/{user}/two-step/suspension", new { days = 3, reason = "phone lost" }, HttpStatusCode.OK),
            ("DELETE", "/api/admin/users/{user}/two-step/suspension", null, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/two-step/forget-browsers", null, HttpStatusCode.OK),
            ("POST", "/api/admin/users/{user}/recovery-codes", null, HttpStatusCode.OK),
            ("GET", "/api/admin/users/{user}/tokens", null, HttpStatusCode.OK),
            ("PUT", "/api/admin/users/{user}/token-permission", new { permission = "deny" }, HttpStatusCode.OK),
            ("DELETE", "/api/admin/users/{user}/tokens/{token}", null, HttpStatusCode.NoContent),
            ("GET", "/api/admin/hardware-tokens", null, HttpStatusCode.OK),
            ("GET", "/api/admin/hardware-tokens/{serial}", null, HttpStatusCode.OK),
            ("POST", "/api/admin/hardware-tokens/{serial}/assign", new { user = target.User.Email }, HttpStatusCode.OK),
            ("POST", "/api/admin/hardware-tokens/{serial}/unassign", null, HttpStatusCode.NoContent),
            ("DELETE", "/api/admin/users/{user}/devices/{device}", null, HttpStatusCode.NoContent),
        })
        {
            using var response = await SendAsync(api, method, target.Fill(path, serial), body);
            Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var events = await Factory.SecurityEventsAsync(target.Id);
        foreach (var kind in new[]
        {
            SecurityEventKinds.UserLocked, SecurityEventKinds.UserUnlocked, SecurityEventKinds.PasswordReset, SecurityEventKinds.TwoStepSuspended,
            SecurityEventKinds.RecoveryCodesGenerated, SecurityEventKinds.TokenRevoked, SecurityEventKinds.HardwareTokenAssigned,
        })
        {
            Assert.Contains(events, row => row.Kind == kind && row.ActorId == actorId);
        }
    }

    public static TheoryData<UserManagerCaller, string, string> AdministratorEndpoints()
    {
        var data = new TheoryData<UserManagerCaller, string, string>();
        foreach (var caller in Enum.GetValues<UserManagerCaller>())
        {
            foreach (var (method, path) in new[]
            {
                ("POST", "/api/admin/users"), ("PATCH", "/api/admin/users/{user}"), ("DELETE", "/api/admin/users/{user}"),
                ("POST", "/api/admin/users/{user}/disable"), ("POST", "/api/admin/users/{user}/enable"), ("POST", "/api/admin/users/{user}/sign-out"),
                ("GET", "/api/admin/clients"), ("POST", "/api/admin/clients"), ("GET", "/api/admin/clients/web"), ("DELETE", "/api/admin/clients/web"),
                ("GET", "/api/admin/scopes"), ("POST", "/api/admin/scopes"), ("DELETE", "/api/admin/scopes/api"),
                ("GET", "/api/admin/policy"), ("PUT", "/api/admin/policy"), ("GET", "/api/admin/security-events"),
                ("POST", "/api/admin/hardware-tokens"), ("POST", "/api/admin/hardware-tokens/import"), ("POST", "/api/admin/hardware-tokens/identify"),
                ("DELETE", "/api/admin/hardware-tokens/{serial}"), ("POST", "/api/admin/hardware-tokens/{serial}/disable"),
                ("POST", "/api/admin/hardware-tokens/{serial}/enable"), ("POST", "/api/admin/hardware-tokens/{serial}/lost"),
                ("POST", "/api/admin/hardware-tokens/{serial}/resync"),
            })
            {
                data.Add(caller, method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdministratorEndpoints))]
    public async Task AdministratorEndpoints_AreForbidden_AndChangeNothing(UserManagerCaller caller, string method, string path)
    {
        var (http, _) = await CallerAsync(Factory, caller);
        using var api = http;
        var target = await HelpedUserAsync(Factory);
        var serial = await InStockTokenAsync(Factory);
        var before = await EventCountAsync(Factory, target.Id);

        using var response = await SendAsync(api, method, target.Fill(path, serial),
            new { email = $"new-{Guid.NewGuid():N}@example.com", name = "New", password = $"Pw-{Guid.NewGuid():N}", roles = new[] { ProviderRoles.Administrator } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var user = await Factory.ReadUserAsync(target.Id);
        Assert.False(user.IsDisabled);
        Assert.Equal(before, await EventCountAsync(Factory, target.Id));
        Assert.Empty(await RolesAsync(target.Id));
        Assert.Equal(HardwareTokenStatus.InStock, (await HardwareTokenStories.GetAsync(await ServiceApiClientAsync(Factory), serial)).GetProperty("status").GetString());
    }

    public static TheoryData<UserManagerCaller, string, string> ChangesToAUser()
    {
        var data = new TheoryData<UserManagerCaller, string, string>();
        foreach (var caller in Enum.GetValues<UserManagerCaller>())
        {
            foreach (var (method, path) in new[]
            {
                ("POST", "/api/admin/users/{user}/lock"), ("POST", "/api/admin/users/{user}/unlock"), ("POST", "/api/admin/users/{user}/password"),
                ("PUT", "/api/admin/users/{user}/two-step/suspension"), ("DELETE", "/api/admin/users/{user}/two-step/suspension"),
                ("POST", "/api/admin/users/{user}/two-step/forget-browsers"), ("POST", "/api/admin/users/{user}/recovery-codes"),
                ("DELETE", "/api/admin/users/{user}/devices/{device}"), ("DELETE", "/api/admin/users/{user}/tokens/{token}"),
                ("PUT", "/api/admin/users/{user}/token-permission"), ("POST", "/api/admin/hardware-tokens/{serial}/assign"),
                ("POST", "/api/admin/hardware-tokens/{serial}/unassign"),
            })
            {
                data.Add(caller, method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChangesToAUser))]
    public async Task ChangesToAnAdministrator_AreForbidden_AndChangeNothing(UserManagerCaller caller, string method, string path)
    {
        var (http, _) = await CallerAsync(Factory, caller);
        using var api = http;
        var administrator = await HelpedUserAsync(Factory, ProviderRoles.Administrator);
        var serial = path.EndsWith("/unassign", StringComparison.Ordinal) ? await HeldTokenAsync(Factory, administrator.Id) : await InStockTokenAsync(Factory);
        var before = await EventCountAsync(Factory, administrator.Id);

        using var response = await SendAsync(api, method, administrator.Fill(path, serial),
            new { user = administrator.Id, password = $"Pw-{Guid.NewGuid():N}", days = 3, reason = "no", permission = "deny" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(new Sentence("User.NotOnAdministrator").English, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await EventCountAsync(Factory, administrator.Id));
        Assert.Null((await Factory.ReadUserAsync(administrator.Id)).LockoutEnd);
        Assert.True((await Factory.ReadDeviceAsync(administrator.DeviceId)).IsActive);
        // Reading an administrator stays allowed.
        using var read = await api.GetAsync(UserSteps.UserApi(administrator.Id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task ManagerToken_StopsAtOnceWhenTheRoleIsRemoved()
    {
        var manager = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.UserManager);
        var token = await IssueAsync(Factory, manager.Id, AdminScope, UserManagerFixture.UsersScope);
        Assert.True(token.Succeeded);
        var exchanged = await ExchangeAsync(Factory, token.Value!.Secret, UserManagerFixture.UsersScope);
        using var api = ApiClient(Factory, exchanged.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(UserSteps.UsersApi)).StatusCode);

        await Factory.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(async users =>
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(manager.Id))!, ProviderRoles.UserManager));

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(UserSteps.UsersApi)).StatusCode);
        var again = await ExchangeAsync(Factory, token.Value.Secret, AdminScope);
        Assert.Equal("invalid_scope", again.Error);
    }

    [Fact]
    public async Task AdministratorToken_WithIdpUsers_ReachesOnlyTheUserEndpoints()
    {
        var admin = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.Administrator);
        using var api = ApiClient(Factory, await ExchangedAsync(Factory, admin.Id, UserManagerFixture.UsersScope));

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(UserSteps.UsersApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/admin/policy")).StatusCode);
    }

    [Theory]
    [InlineData("idp.admin")]
    [InlineData("idp.users")]
    public async Task OrdinaryUser_CannotCreateATokenWithAnAdminApiScope(string scope)
    {
        var user = await UserStories.CreateUserAsync(Factory);

        var refused = await IssueAsync(Factory, user.Id, scope);

        Assert.False(refused.Succeeded);
        Assert.Equal(new Sentence("Tokens.Create.AdministratorScope", scope).English, Assert.Single(refused.Problems).Message.English);
        Assert.Empty(await Factory.QueryAsync(db => db.PersonalAccessTokens.Where(token => token.UserId == user.Id).ToListAsync()));
    }

    [Fact]
    public async Task IdpUsers_IsRegistered_AndListedInDiscovery()
    {
        using var http = Factory.CreateClient();
        var discovery = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/openid-configuration");

        Assert.Contains(discovery.GetProperty("scopes_supported").EnumerateArray(), scope => scope.GetString() == UserManagerFixture.UsersScope);
    }

    private Task<List<string>> RolesAsync(string userId) =>
        Factory.QueryAsync(db => db.UserRoles.Where(link => link.UserId == userId).Select(link => link.RoleId).ToListAsync());
}
