using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>Clients through the admin pages: register (confidential, public), edit (seeded ones too), rotate the secret, delete.</summary>
public sealed class ClientPageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task RegisterConfidential_ThroughThePage_SecretShownOnce_AndACodeFlowCompletes()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var clientId = NewClientId("wiki");
        var redirect = $"https://{clientId}.example/signin-oidc";

        var create = await AdminCreateClientPage.OpenAsync(client);
        create.AssertEveryInputHasLabel();
        var created = await create.RegisterAsync(new ClientForm(clientId, "Team wiki", Confidential: true, [redirect],
            ["authorization_code", "refresh_token"], ["openid", "profile", "email", "offline_access"])).As<AdminCreateClientPage>();

        var secret = created.NewSecret;
        Assert.False(string.IsNullOrEmpty(secret), created.Text);
        Assert.True(secret.Length >= 40);
        Assert.True(created.Page.Response.Headers.CacheControl?.NoStore);
        var list = await AdminClientsPage.OpenAsync(client);
        Assert.Contains("Team wiki", list.RowOf(clientId));
        var edit = await list.OpenClientAsync(clientId);
        Assert.DoesNotContain(secret, edit.Page.Body, StringComparison.Ordinal);
        Assert.Equal([redirect], edit.RedirectUris);

        // A user signs in at the new client, which exchanges the code with its secret.
        var user = await UserStories.CreateUserAsync(Factory);
        using var browser = fixture.CreateClient();
        var request = new AuthorizationRequest(clientId, redirect, "openid profile email offline_access");
        var answer = await UserStories.SignInWithPasswordAsync(browser, request, user);
        var tokens = await TokenResponse.ExchangeCodeAsync(browser.Http, request, answer.Code, secret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(user.Id, tokens.IdTokenJwt.Subject);
        Assert.NotNull(tokens.RefreshToken);

        var logged = Assert.Single(await ClientEventsAsync(clientId));
        Assert.Equal((SecurityEventKinds.ClientCreated, admin.Id), (logged.Kind, logged.ActorId));
        Assert.DoesNotContain(secret, logged.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterPublic_ThroughThePage_NoSecret_AndPkceIsRequired()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var clientId = NewClientId("app");
        var redirect = "http://127.0.0.1:7890/callback";

        var list = await (await AdminCreateClientPage.OpenAsync(client)).RegisterAsync(
            new ClientForm(clientId, "Desktop app", Confidential: false, [redirect], ["authorization_code"], ["openid", "profile"])).As<AdminClientsPage>();

        Assert.Contains(clientId, list.StatusMessage);
        Assert.Contains("public", list.RowOf(clientId));
        var user = await UserStories.CreateUserAsync(Factory);
        using var browser = fixture.CreateClient();
        var withoutPkce = new AuthorizationRequest(clientId, redirect, "openid profile") { UsePkce = false };
        var refused = await browser.GetAsync(withoutPkce.ToUrl());
        Assert.Equal("invalid_request", refused.RedirectQuery["error"]);

        var request = new AuthorizationRequest(clientId, redirect, "openid profile");
        var answer = await UserStories.SignInWithPasswordAsync(browser, request, user);
        var tokens = await TokenResponse.ExchangeCodeAsync(browser.Http, request, answer.Code, clientSecret: null);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
    }

    [Fact]
    public async Task Register_BadUrisAndFields_AMessagePerEntry_AndNothingSaved()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var clientId = NewClientId("bad");
        var form = new ClientForm(clientId, "Name\u0007with a bell", Confidential: true,
            ["http://plain.example/cb", "not a uri", "https://ok.example/cb#fragment", "https://fine.example/cb"],
            ["authorization_code"], ["openid", "no-such-scope"])
        {
            PostLogoutRedirectUris = ["ftp://files.example/out"],
        };

        var page = await (await AdminCreateClientPage.OpenAsync(client)).RegisterAsync(form).As<AdminCreateClientPage>();

        var alerts = page.Alerts;
        Assert.Contains("\"http://plain.example/cb\" must use https", alerts);
        Assert.Contains("\"not a uri\"", alerts);
        Assert.Contains("\"https://ok.example/cb#fragment\" must not have a fragment", alerts);
        Assert.DoesNotContain("fine.example", alerts);
        Assert.Contains("Post-logout redirect URI \"ftp://files.example/out\" must use https", alerts);
        Assert.Contains("control characters", alerts);
        Assert.Contains("Unknown scope \"no-such-scope\"", alerts);
        Assert.Null(page.NewSecret);
        Assert.Null((await AdminClientsPage.OpenAsync(client)).RowOf(clientId));
        Assert.Empty(await ClientEventsAsync(clientId));
    }

    [Fact]
    public async Task SeededClients_AreListed_AndAnEditKeepsTheSecret()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var list = await AdminClientsPage.OpenAsync(client);
        Assert.Subset(list.ClientIds.ToHashSet(), new HashSet<string> { "web", "spa", "service", "admin-service" });
        var web = await list.OpenClientAsync("web");
        Assert.Equal([TestData.WebRedirectUri], web.RedirectUris);
        Assert.Equal([TestData.WebPostLogoutUri], web.PostLogoutRedirectUris);
        Assert.Equal(["authorization_code", "refresh_token"], web.GrantTypes);
        Assert.Contains("api", web.Scopes);
        Assert.StartsWith("Confidential", web.ClientType);

        var service = await AdminEditClientPage.OpenAsync(client, "service");
        var saved = await service.SaveAsync(service.Form with { DisplayName = "Reporting service" }).As<AdminEditClientPage>();

        Assert.Contains("saved", saved.StatusMessage);
        Assert.Equal("Reporting service", saved.DisplayName);
        Assert.Equal(["client_credentials"], saved.GrantTypes);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(Factory.CreateClient(), "service", TestData.ServiceSecret)).Status);
        var logged = Assert.Single(await ClientEventsAsync("service"), row => row.Kind == SecurityEventKinds.ClientUpdated);
        Assert.Equal(admin.Id, logged.ActorId);
        Assert.Contains("Reporting service", logged.Detail);
    }

    [Fact]
    public async Task Edit_BadRedirectUri_RefusedWithTheEntry_AndTheStoredOneStays()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        using var api = await AdminApiStories.ServiceApiClientAsync(Factory);
        var clientId = NewClientId("edit");
        await CreateServiceClientAsync(api, clientId);
        var edit = await AdminEditClientPage.OpenAsync(client, clientId);

        var refused = await edit.SaveAsync(edit.Form with { GrantTypes = ["authorization_code"], RedirectUris = ["http://example.com/cb"] }).As<AdminEditClientPage>();

        Assert.Contains("\"http://example.com/cb\" must use https", refused.Alerts);
        var again = await AdminEditClientPage.OpenAsync(client, clientId);
        Assert.Equal(["client_credentials"], again.GrantTypes);
        Assert.Empty(again.RedirectUris);
    }

    [Fact]
    public async Task RotateSecret_ThroughThePage_NewOneShownOnce_OldOneRefused()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        using var api = await AdminApiStories.ServiceApiClientAsync(Factory);
        var clientId = NewClientId("rotate");
        var oldSecret = await CreateServiceClientAsync(api, clientId);
        using var http = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, clientId, oldSecret)).Status);

        var secretPage = await (await AdminEditClientPage.OpenAsync(client, clientId)).OpenRotateSecretAsync();
        var rotated = await secretPage.RotateAsync().As<AdminClientSecretPage>();

        var newSecret = rotated.NewSecret;
        Assert.False(string.IsNullOrEmpty(newSecret), rotated.Text);
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Null((await AdminClientSecretPage.OpenAsync(client, clientId)).NewSecret);
        var old = await ClientCredentialsAsync(http, clientId, oldSecret);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (old.Status, old.Error));
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, clientId, newSecret)).Status);
        var logged = Assert.Single(await ClientEventsAsync(clientId), row => row.Kind == SecurityEventKinds.ClientSecretRotated);
        Assert.Equal(admin.Id, logged.ActorId);
        Assert.DoesNotContain(newSecret, logged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThroughThePage_GoneAndItsSecretRefused()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        using var api = await AdminApiStories.ServiceApiClientAsync(Factory);
        var clientId = NewClientId("gone");
        var secret = await CreateServiceClientAsync(api, clientId);

        var delete = await (await AdminEditClientPage.OpenAsync(client, clientId)).OpenDeleteAsync();
        var list = await delete.DeleteAsync().As<AdminClientsPage>();

        Assert.Contains("deleted", list.StatusMessage);
        Assert.Null(list.RowOf(clientId));
        Assert.Equal("invalid_client", (await ClientCredentialsAsync(Factory.CreateClient(), clientId, secret)).Error);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminEditClientPage.TryOpenAsync(client, clientId)).Status);
        var logged = Assert.Single(await ClientEventsAsync(clientId), row => row.Kind == SecurityEventKinds.ClientDeleted);
        Assert.Equal(admin.Id, logged.ActorId);
    }

    [Fact]
    public async Task ClientPages_AnonymousOrNotAnAdministrator_AreRefused()
    {
        using var anonymous = fixture.CreateClient();
        await AdminClientsPage.TryOpenAsync(anonymous).As<LoginPage>();

        var (_, bob) = await UserStories.SignedInUserAsync(fixture);
        using (bob)
        {
            var refused = await AdminClientsPage.TryOpenAsync(bob);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Empty(refused.Document.QuerySelectorAll("#clients"));
            Assert.Equal(HttpStatusCode.Forbidden, (await AdminEditClientPage.TryOpenAsync(bob, "web")).Status);
        }
    }

    private Task<List<SecurityEvent>> ClientEventsAsync(string clientId) =>
        Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(row => row.ClientId == clientId).OrderBy(row => row.Id).ToListAsync());
}
