using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.Testing.Stories.AdminApiStories;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A client's scope is a standard one the provider serves or one registered in the admin area: <c>address</c>, a standard
/// OpenID Connect scope the provider does not serve, is refused alike by seeding, the admin pages and the admin API, with
/// one clear message (and so never reaches discovery).
/// </summary>
public sealed class ClientScopeRuleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string NotServed =
        "The scope 'address' is not served by this provider; it serves openid, profile, email, phone, roles, offline_access and the scopes registered in the admin area.";

    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Seeding_AClientWithTheAddressScope_StopsTheStartWithTheMessage()
    {
        await using var factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("seed_address"), new Dictionary<string, string?>
        {
            ["Seed:Clients:3:ClientId"] = "postal",
            ["Seed:Clients:3:ClientSecret"] = "postal-secret-value",
            ["Seed:Clients:3:RedirectUris:0"] = "https://postal.example/cb",
            ["Seed:Clients:3:GrantTypes:0"] = "authorization_code",
            ["Seed:Clients:3:Scopes:0"] = "openid",
            ["Seed:Clients:3:Scopes:1"] = "address",
        });

        var error = Record.Exception(() => factory.Server);

        var configurationError = Assert.IsType<InvalidConfigurationException>(Innermost(error));
        Assert.Equal("Seed:Clients", configurationError.Key);
        Assert.Contains("postal", configurationError.Message);
        Assert.Contains(NotServed, configurationError.Message);
    }

    [Fact]
    public async Task AdminPage_AClientWithTheAddressScope_IsRefusedWithTheMessage()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var clientId = NewClientId("postal");

        var create = await AdminCreateClientPage.OpenAsync(client);
        Assert.DoesNotContain("address", create.OfferedScopes);
        var page = await create.RegisterAsync(new ClientForm(clientId, "Postal", Confidential: true, [$"https://{clientId}.example/cb"],
            ["authorization_code"], ["openid", "address"])).As<AdminCreateClientPage>();

        Assert.Contains(NotServed, page.Alerts);
        Assert.Null((await AdminClientsPage.OpenAsync(client)).RowOf(clientId));
    }

    [Fact]
    public async Task AdminApi_AClientWithTheAddressScope_Is400WithTheMessage_AndDiscoveryDoesNotListIt()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("postal");

        using var response = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Postal",
            type = "confidential",
            redirectUris = new[] { $"https://{clientId}.example/cb" },
            grantTypes = new[] { "authorization_code" },
            scopes = new[] { "openid", "address" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([NotServed], FieldErrors(await response.JsonAsync(), "scopes"));
        using var read = await api.GetAsync($"{ClientsPath}/{clientId}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("address", await DiscoveryScopesAsync(api));
    }

    private static Exception? Innermost(Exception? error)
    {
        while (error?.InnerException is not null && error is not InvalidConfigurationException)
        {
            error = error.InnerException;
        }

        return error;
    }
}
