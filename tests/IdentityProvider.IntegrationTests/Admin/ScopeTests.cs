using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.AdminApiStories;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>Scopes through the pages and the API: listed in discovery, described on the consent page, kept while a client uses them.</summary>
public sealed class ScopeTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task RegisterAndEdit_ThroughThePages_ListedWithTheActorInTheLog()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var name = NewClientId("reports");

        var create = await (await AdminScopesPage.OpenAsync(client)).RegisterAsync();
        create.AssertEveryInputHasLabel();
        var list = await create.RegisterAsync(name, "Reports", "Read your reports").As<AdminScopesPage>();
        Assert.Contains(name, list.StatusMessage);
        Assert.Contains("Read your reports", list.RowOf(name));

        var edit = await list.OpenScopeAsync(name);
        Assert.Equal("Reports", edit.DisplayName);
        var saved = await edit.SaveAsync("Monthly reports", "Read and export your monthly reports").As<AdminEditScopePage>();

        Assert.Contains("saved", saved.StatusMessage);
        Assert.Equal("Read and export your monthly reports", saved.Description);
        var events = await ScopeEventsAsync(name);
        Assert.Equal([SecurityEventKinds.ScopeCreated, SecurityEventKinds.ScopeUpdated], events.Select(row => row.Kind));
        Assert.All(events, row => Assert.Equal(admin.Id, row.ActorId));
        Assert.Contains(name, (await AdminCreateClientPage.OpenAsync(client)).OfferedScopes);
    }

    [Theory]
    [InlineData("two words", "may contain only")]
    [InlineData("openid", "standard scope")]
    [InlineData("address", "standard OpenID Connect scope this provider does not serve")]
    [InlineData("bell\u0007", "control characters")]
    [InlineData("", "required")]
    public async Task Register_BadName_ThroughThePage_RefusedWithAMessage(string name, string message)
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var page = await (await AdminCreateScopePage.OpenAsync(client)).RegisterAsync(name, "Display", "Description").As<AdminCreateScopePage>();

        Assert.Contains(message, page.Alerts);
    }

    [Fact]
    public async Task Register_NulInName_ThroughThePage_RefusedAndNothingSaved()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var name = NewClientId("nul");

        // Note: ASP.NET Core's form reader refuses a NUL before the page runs (400, the error page, never a 500).
        var page = await (await AdminCreateScopePage.OpenAsync(client)).RegisterAsync(name + "\0", "Display", "Description");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain(name, (await AdminScopesPage.OpenAsync(client)).Names);
    }

    [Fact]
    public async Task Register_BadFields_ThroughTheApi_400NamingEachField()
    {
        using var api = await ServiceApiClientAsync(Factory);

        using var response = await api.PostAsJsonAsync(ScopesPath, new { name = "bad name", displayName = "", description = "line\0break" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Single(FieldErrors(problem, "name"));
        Assert.Single(FieldErrors(problem, "displayName"));
        Assert.Single(FieldErrors(problem, "description"));
    }

    [Fact]
    public async Task RegisteredScope_IsInDiscoveryAtOnce_AndLeavesItWhenDeleted()
    {
        using var api = await ServiceApiClientAsync(Factory);
        using var http = Factory.CreateClient();
        var name = NewClientId("disc");
        var before = await DiscoveryScopesAsync(http); // now in the output cache
        Assert.Contains("api", before);
        Assert.Contains("openid", before);
        Assert.DoesNotContain(name, before);

        await CreateScopeAsync(api, name, "Discovered", "Listed in discovery");
        Assert.Contains(name, await DiscoveryScopesAsync(http));
        using var listed = await api.GetAsync(ScopesPath);
        Assert.Contains((await listed.JsonAsync()).EnumerateArray(), scope => scope.GetProperty("name").GetString() == name);

        using var deleted = await api.DeleteAsync($"{ScopesPath}/{name}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(name, await DiscoveryScopesAsync(http));
        Assert.Equal(
            [SecurityEventKinds.ScopeCreated, SecurityEventKinds.ScopeDeleted],
            (await ScopeEventsAsync(name)).Where(row => row.ActorId == "admin-service").Select(row => row.Kind));
    }

    [Fact]
    public async Task ConsentPage_ShowsTheDescriptionOfARegisteredScope()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var name = NewClientId("photos");
        await CreateScopeAsync(api, name, "Photos", "See and upload your photos");
        var clientId = NewClientId("gallery");
        var redirect = "https://gallery.example/cb";
        using var created = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Gallery",
            type = "public",
            redirectUris = new[] { redirect },
            grantTypes = new[] { "authorization_code" },
            scopes = new[] { "openid", name },
            consentType = "explicit",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await UserStories.CreateUserAsync(Factory);
        using var browser = fixture.CreateClient();
        var request = new AuthorizationRequest(clientId, redirect, $"openid {name}");

        var consent = await UserStories.SignInWithPasswordAsync(browser, request, user).As<ConsentPage>();

        Assert.Contains(name, consent.ListedScopes);
        Assert.Contains("See and upload your photos", consent.Text);
        var tokens = await TokenResponse.ExchangeCodeAsync(browser.Http, request, (await consent.AllowAsync()).Code, clientSecret: null);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Contains(name, string.Join(" ", tokens.AccessTokenJwt.Claims.Where(claim => claim.Type == "scope").Select(claim => claim.Value)));
    }

    [Fact]
    public async Task Delete_ScopeInUse_RefusedOnThePageAndInTheApi_NamingTheClient()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        using var api = await ServiceApiClientAsync(Factory);
        var name = NewClientId("used");
        await CreateScopeAsync(api, name, "Used", "In use");
        var clientId = NewClientId("user");
        await CreateServiceClientAsync(api, clientId, name);

        var refused = await (await (await AdminEditScopePage.OpenAsync(client, name)).OpenDeleteAsync()).DeleteAsync().As<AdminDeleteScopePage>();
        using var refusedByApi = await api.DeleteAsync($"{ScopesPath}/{name}");

        Assert.Contains($"in use by {clientId}", refused.Alerts);
        Assert.Equal(HttpStatusCode.Conflict, refusedByApi.StatusCode);
        Assert.Contains(clientId, (await refusedByApi.JsonAsync()).GetProperty("detail").GetString());
        using var stillThere = await api.GetAsync($"{ScopesPath}/{name}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);

        // Once no client uses it, the page deletes it.
        using var freed = await api.PutAsJsonAsync($"{ClientsPath}/{clientId}", new { displayName = "x", grantTypes = new[] { "client_credentials" }, scopes = new[] { "api" } });
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        var list = await (await AdminDeleteScopePage.OpenAsync(client, name)).DeleteAsync().As<AdminScopesPage>();
        Assert.DoesNotContain(name, list.Names);
    }

    [Fact]
    public async Task PutAndUnknownName_ThroughTheApi()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var name = NewClientId("put");
        await CreateScopeAsync(api, name, "Before", "");

        using var replaced = await api.PutAsJsonAsync($"{ScopesPath}/{name}", new { displayName = "After", description = "Now described" });
        using var renamed = await api.PutAsJsonAsync($"{ScopesPath}/{name}", new { name = "other", displayName = "After" });
        using var unknown = await api.GetAsync($"{ScopesPath}/{NewClientId("none")}");
        using var unknownDelete = await api.DeleteAsync($"{ScopesPath}/{NewClientId("none")}");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Now described", (await replaced.JsonAsync()).GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDelete.StatusCode);
    }

    [Fact]
    public async Task ScopePages_NotAnAdministrator_AreRefused()
    {
        var (_, user) = await UserStories.SignedInUserAsync(fixture);
        using (user)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await AdminScopesPage.TryOpenAsync(user)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await AdminEditScopePage.TryOpenAsync(user, "api")).Status);
        }
    }

    private Task<List<SecurityEvent>> ScopeEventsAsync(string name) =>
        Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(row => row.Kind.StartsWith("scope.") && row.Detail != null && row.Detail.StartsWith("scope " + name))
            .OrderBy(row => row.Id).ToListAsync());
}
