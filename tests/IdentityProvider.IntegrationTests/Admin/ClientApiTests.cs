using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.AdminApiStories;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary><c>/api/admin/clients</c>: the same operations as the pages, for automation.</summary>
public sealed class ClientApiTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string PatGrant = "urn:identityprovider:grant-type:personal_access_token";

    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task PostConfidential_Is201WithTheSecretOnce_AndTheSecretWorks()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("svc");

        using var created = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Billing",
            type = "confidential",
            grantTypes = new[] { "client_credentials", PatGrant },
            scopes = new[] { "api" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{ClientsPath}/{clientId}", created.Headers.Location?.OriginalString);
        var body = await created.JsonAsync();
        var secret = body.GetProperty("clientSecret").GetString()!;
        Assert.Equal("confidential", body.GetProperty("client").GetProperty("type").GetString());
        using var read = await api.GetAsync($"{ClientsPath}/{clientId}");
        var stored = await read.JsonAsync();
        Assert.Equal(["client_credentials", PatGrant], stored.GetProperty("grantTypes").EnumerateArray().Select(value => value.GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(secret, stored.GetRawText(), StringComparison.Ordinal);
        using var list = await api.GetAsync(ClientsPath);
        Assert.DoesNotContain(secret, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((await list.JsonAsync()).EnumerateArray(), client => client.GetProperty("clientId").GetString() == "web");
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(Factory.CreateClient(), clientId, secret)).Status);

        var logged = Assert.Single(await EventsAsync(clientId));
        Assert.Equal((SecurityEventKinds.ClientCreated, "admin-service"), (logged.Kind, logged.ActorId));
        Assert.DoesNotContain(secret, logged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPublic_HasNoSecret_AndRequiresPkce()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("spa");

        using var created = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Browser app",
            type = "public",
            redirectUris = new[] { "https://app.example/callback", "http://localhost:3000/callback", "http://[::1]:3000/cb" },
            grantTypes = new[] { "authorization_code", "refresh_token" },
            scopes = new[] { "openid", "profile" },
            consentType = "explicit",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("clientSecret").ValueKind);
        Assert.Equal("explicit", body.GetProperty("client").GetProperty("consentType").GetString());
        using var browser = fixture.CreateClient();
        var refused = await browser.GetAsync(new AuthorizationRequest(clientId, "https://app.example/callback", "openid") { UsePkce = false }.ToUrl());
        Assert.Equal("invalid_request", refused.RedirectQuery["error"]);
    }

    [Fact]
    public async Task Post_BadUris_400NamingEachFieldWithAMessagePerEntry_AndNothingCreated()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("bad");

        using var response = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Bad\u0001name",
            type = "confidential",
            redirectUris = new[] { "http://rp.example/cb", "/relative", "https://rp.example/cb#x" },
            postLogoutRedirectUris = new[] { "javascript:alert(1)" },
            grantTypes = new[] { "authorization_code", "password" },
            scopes = new[] { "openid", "unknown-scope" },
            consentType = "sometimes",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        var redirectErrors = FieldErrors(problem, "redirectUris");
        Assert.Equal(3, redirectErrors.Count);
        Assert.Contains(redirectErrors, message => message.Contains("\"http://rp.example/cb\" must use https"));
        Assert.Contains(redirectErrors, message => message.Contains("\"/relative\" is not an absolute URI"));
        Assert.Contains(redirectErrors, message => message.Contains("\"https://rp.example/cb#x\" must not have a fragment"));
        Assert.Contains("javascript:alert(1)", Assert.Single(FieldErrors(problem, "postLogoutRedirectUris")));
        Assert.Contains("\"password\"", Assert.Single(FieldErrors(problem, "grantTypes")));
        Assert.Contains("unknown-scope", Assert.Single(FieldErrors(problem, "scopes")));
        Assert.Single(FieldErrors(problem, "displayName"));
        Assert.Single(FieldErrors(problem, "consentType"));
        using var read = await api.GetAsync($"{ClientsPath}/{clientId}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(await EventsAsync(clientId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("nul\0")]
    public async Task Post_BadClientId_400NamingClientId(string clientId)
    {
        using var api = await ServiceApiClientAsync(Factory);

        using var response = await api.PostAsJsonAsync(ClientsPath, new { clientId, displayName = "x", type = "public", grantTypes = new[] { PatGrant } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(FieldErrors(await response.JsonAsync(), "clientId"));
    }

    [Fact]
    public async Task Post_TakenClientIdOrPublicServiceClient_Refused()
    {
        using var api = await ServiceApiClientAsync(Factory);

        using var taken = await api.PostAsJsonAsync(ClientsPath, new { clientId = "web", displayName = "x", type = "confidential", grantTypes = new[] { "client_credentials" } });
        using var publicService = await api.PostAsJsonAsync(ClientsPath, new { clientId = NewClientId("pub"), displayName = "x", type = "public", grantTypes = new[] { "client_credentials" } });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, publicService.StatusCode);
        Assert.Single(FieldErrors(await publicService.JsonAsync(), "grantTypes"));
    }

    [Fact]
    public async Task Put_ReplacesTheRegistration_KeepsTheSecret_AndRefusesAnotherType()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("put");
        var secret = await CreateServiceClientAsync(api, clientId);
        var update = new
        {
            displayName = "Renamed",
            redirectUris = new[] { "https://put.example/cb" },
            grantTypes = new[] { "authorization_code", "client_credentials" },
            scopes = new[] { "openid", "api" },
        };

        using var replaced = await api.PutAsJsonAsync($"{ClientsPath}/{clientId}", update);
        using var otherType = await api.PutAsJsonAsync($"{ClientsPath}/{clientId}", new { type = "public", displayName = "x", grantTypes = new[] { PatGrant } });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var body = await replaced.JsonAsync();
        Assert.Equal("Renamed", body.GetProperty("displayName").GetString());
        Assert.Equal("https://put.example/cb", Assert.Single(body.GetProperty("redirectUris").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(Factory.CreateClient(), clientId, secret)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, otherType.StatusCode);
        Assert.Single(FieldErrors(await otherType.JsonAsync(), "type"));
        var logged = Assert.Single(await EventsAsync(clientId), row => row.Kind == SecurityEventKinds.ClientUpdated);
        Assert.Equal("admin-service", logged.ActorId);
    }

    [Fact]
    public async Task RotateSecret_AnswersTheNewOneOnce_OldOneRefusedAtOnce()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("rot");
        var oldSecret = await CreateServiceClientAsync(api, clientId);
        using var http = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, clientId, oldSecret)).Status);

        using var rotated = await api.PostAsync($"{ClientsPath}/{clientId}/secret", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.JsonAsync()).GetProperty("clientSecret").GetString()!;
        Assert.Equal("invalid_client", (await ClientCredentialsAsync(http, clientId, oldSecret)).Error);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, clientId, newSecret)).Status);
        var logged = Assert.Single(await EventsAsync(clientId), row => row.Kind == SecurityEventKinds.ClientSecretRotated);
        Assert.Equal("admin-service", logged.ActorId);
        using var ofPublic = await api.PostAsync($"{ClientsPath}/spa/secret", null);
        Assert.Equal(HttpStatusCode.Conflict, ofPublic.StatusCode);
    }

    [Fact]
    public async Task Delete_Is204_ThenTheClientIsGone()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("del");
        var secret = await CreateServiceClientAsync(api, clientId);

        using var deleted = await api.DeleteAsync($"{ClientsPath}/{clientId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await api.GetAsync($"{ClientsPath}/{clientId}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("invalid_client", (await ClientCredentialsAsync(Factory.CreateClient(), clientId, secret)).Error);
        Assert.Equal("admin-service", Assert.Single(await EventsAsync(clientId), row => row.Kind == SecurityEventKinds.ClientDeleted).ActorId);
    }

    [Fact]
    public async Task UnknownClient_Is404ProblemDocument_ForEveryMethod()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var path = $"{ClientsPath}/{NewClientId("none")}";

        using var get = await api.GetAsync(path);
        using var put = await api.PutAsJsonAsync(path, new { displayName = "x", grantTypes = new[] { PatGrant } });
        using var delete = await api.DeleteAsync(path);
        using var rotate = await api.PostAsync(path + "/secret", null);

        foreach (var response in new[] { get, put, delete, rotate })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ClientsApi_AnonymousIs401_TokenWithoutAdminScopeIs403()
    {
        using var anonymous = ApiClient(Factory, accessToken: null);
        using var scopeless = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        using var anonymousList = await anonymous.GetAsync(ClientsPath);
        using var scopelessCreate = await scopeless.PostAsJsonAsync(ClientsPath, new { clientId = NewClientId("no"), displayName = "x", type = "public", grantTypes = new[] { PatGrant } });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scopelessCreate.StatusCode);
    }

    private Task<List<SecurityEvent>> EventsAsync(string clientId) =>
        Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(row => row.ClientId == clientId).OrderBy(row => row.Id).ToListAsync());
}
