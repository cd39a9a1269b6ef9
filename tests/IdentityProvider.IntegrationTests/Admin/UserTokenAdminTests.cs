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
/// A user's personal access tokens administered through the Tokens tab and <c>/api/admin/users/{id}/tokens</c>:
/// the list, revoking one (it stops at once), and the per-user permission, logged with the actor.
/// </summary>
public sealed class UserTokenAdminTests(AdminTokenFixture fixture) : IClassFixture<AdminTokenFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task TokensTab_ListsEachTokenAndRevokeStopsItAtOnce()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await AdminTokenSteps.IssueAsync(Factory, user.Id, "deploy", "api");
        var before = await AdminTokenSteps.ExchangeAsync(Factory, token.Secret);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTokensPage.OpenAsync(client, user.Id);
        var row = tab.RowOf(token.Id);
        Assert.NotNull(row);
        Assert.Contains("deploy", row);
        Assert.Contains("api", row);
        Assert.Contains("Active", row);
        Assert.Equal([token.Id], tab.RevocableTokenIds);

        var after = await tab.RevokeAsync(token.Id).As<AdminUserTokensPage>();

        Assert.Contains("\"deploy\" was revoked", after.StatusMessage);
        Assert.Contains("Revoked", after.RowOf(token.Id));
        Assert.Empty(after.RevocableTokenIds);
        Assert.Equal("invalid_grant", (await AdminTokenSteps.ExchangeAsync(Factory, token.Secret)).Error);
        Assert.Equal(admin.Id, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked).ActorId);
    }

    [Fact]
    public async Task TokensTab_RevokeATokenOfAnotherUser_ShowsAMessageAndRevokesNothing()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var other = await UserStories.CreateUserAsync(Factory);
        await AdminTokenSteps.IssueAsync(Factory, user.Id, "mine", "api");
        var othersToken = await AdminTokenSteps.IssueAsync(Factory, other.Id, "theirs", "api");
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var answer = await (await AdminUserTokensPage.OpenAsync(client, user.Id)).RevokeAsync(othersToken.Id).As<AdminUserTokensPage>();

        Assert.Contains("does not exist or is already revoked", answer.Alerts);
        Assert.Equal(HttpStatusCode.OK, (await AdminTokenSteps.ExchangeAsync(Factory, othersToken.Secret)).Status);
    }

    [Fact]
    public async Task TokensApi_ListsTheTokensWithoutSecrets()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await AdminTokenSteps.IssueAsync(Factory, user.Id, "reports", "api");
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.GetAsync($"/api/admin/users/{user.Id}/tokens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("provider", body.GetProperty("permission").GetString());
        Assert.True(body.GetProperty("allowed").GetBoolean());
        var listed = Assert.Single(body.GetProperty("tokens").EnumerateArray());
        Assert.Equal(token.Id, listed.GetProperty("id").GetGuid());
        Assert.Equal("reports", listed.GetProperty("label").GetString());
        Assert.Equal(["api"], listed.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.True(listed.TryGetProperty("createdAt", out _) && listed.TryGetProperty("lastUsedAt", out _) && listed.TryGetProperty("expiresAt", out _));
        Assert.DoesNotContain(token.Secret, body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("hash", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokensApi_Revoke_StopsTheTokenAtOnce_AndASecondRevokeIs404()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await AdminTokenSteps.IssueAsync(Factory, user.Id, "ci", "api");
        using var http = await ServiceApiClientAsync(Factory);

        using var revoked = await http.DeleteAsync($"/api/admin/users/{user.Id}/tokens/{token.Id}");
        using var again = await http.DeleteAsync($"/api/admin/users/{user.Id}/tokens/{token.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_grant", (await AdminTokenSteps.ExchangeAsync(Factory, token.Secret)).Error);
        Assert.Equal("admin-service", Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked).ActorId);
    }

    [Fact]
    public async Task TokensApi_Permission_DenyStopsExchanges_ProviderFollowsAgain_AndIsLogged()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await AdminTokenSteps.IssueAsync(Factory, user.Id, "cron", "api");
        using var http = await ServiceApiClientAsync(Factory);
        var path = $"/api/admin/users/{user.Id}/token-permission";

        using var denied = await http.PutAsJsonAsync(path, new { permission = "deny" });

        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var deniedBody = await denied.JsonAsync();
        Assert.Equal("deny", deniedBody.GetProperty("permission").GetString());
        Assert.False(deniedBody.GetProperty("allowed").GetBoolean());
        Assert.Equal("invalid_grant", (await AdminTokenSteps.ExchangeAsync(Factory, token.Secret)).Error);

        using var follows = await http.PutAsJsonAsync(path, new { permission = "provider" });

        Assert.Equal("provider", (await follows.JsonAsync()).GetProperty("permission").GetString());
        Assert.Null((await Factory.ReadUserAsync(user.Id)).SignInByToken);
        Assert.Equal(HttpStatusCode.OK, (await AdminTokenSteps.ExchangeAsync(Factory, token.Secret)).Status);
        var changes = (await Factory.SecurityEventsAsync(user.Id)).Where(row => row.Kind == SecurityEventKinds.TokenPermissionChanged).ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, row => Assert.Equal("admin-service", row.ActorId));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("follow\u0000")]
    public async Task TokensApi_PermissionNotAllowDenyOrProvider_Is400NamingPermission(string permission)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.PutAsJsonAsync($"/api/admin/users/{user.Id}/token-permission", new { permission });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("permission", out _));
        Assert.Empty(await Factory.SecurityEventsAsync(user.Id));
    }

    [Theory]
    [InlineData("GET", "/tokens")]
    [InlineData("DELETE", "/tokens/00000000-0000-0000-0000-000000000001")]
    public async Task TokensApi_UnknownUser_Is404(string method, string tail)
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/admin/users/no-such-user{tail}"));
        using var permission = await http.PutAsJsonAsync("/api/admin/users/no-such-user/token-permission", new { permission = "deny" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, permission.StatusCode);
    }

    [Fact]
    public async Task TokensApi_AnonymousIs401_ScopelessIs403()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await AdminTokenSteps.IssueAsync(Factory, user.Id, "keep", "api");
        using var anonymous = ApiClient(Factory, accessToken: null);
        using var scopeless = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        using var byAnonymous = await anonymous.DeleteAsync($"/api/admin/users/{user.Id}/tokens/{token.Id}");
        using var byScopeless = await scopeless.DeleteAsync($"/api/admin/users/{user.Id}/tokens/{token.Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byScopeless.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AdminTokenSteps.ExchangeAsync(Factory, token.Secret)).Status);
    }
}
