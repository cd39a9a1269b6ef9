using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.AdminApiStories;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A client's setting "refuse sessions an administrator opened as the user": set and cleared on the admin pages, through
/// the admin API and by seeding, and read back alike by each.
/// </summary>
public sealed class ClientImpersonationSettingTests(RefusingClientFixture fixture) : IClassFixture<RefusingClientFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Page_RefusesImpersonation_SavedOnCreateAndEdit_ShownAgain_AndStored()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("refusing");

        var create = await AdminCreateClientPage.OpenAsync(client);
        create.AssertEveryInputHasLabel();
        await create.RegisterAsync(new ClientForm(clientId, "Payroll", Confidential: false, [$"https://{clientId}.example/cb"], ["authorization_code"], ["openid"])
        {
            RefusesImpersonation = true,
        }).As<AdminClientsPage>();

        var edit = await AdminEditClientPage.OpenAsync(client, clientId);
        Assert.True(edit.RefusesImpersonation);
        Assert.True(await RefusesImpersonationAsync(api, clientId));

        var cleared = await edit.SaveAsync(edit.Form with { RefusesImpersonation = false }).As<AdminEditClientPage>();
        Assert.Contains("saved", cleared.StatusMessage);
        Assert.False(cleared.RefusesImpersonation);
        Assert.False(await RefusesImpersonationAsync(api, clientId));

        var set = await cleared.SaveAsync(cleared.Form with { RefusesImpersonation = true }).As<AdminEditClientPage>();
        Assert.True(set.RefusesImpersonation);
        Assert.True(await RefusesImpersonationAsync(api, clientId));

        // The security log says what changed: the setting is part of the registration it describes.
        var updates = await Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(row => row.ClientId == clientId && row.Kind == SecurityEventKinds.ClientUpdated)
            .OrderBy(row => row.Id).Select(row => row.Detail ?? "").ToListAsync());
        Assert.Equal(2, updates.Count);
        Assert.Contains(", refuses impersonation -> ", updates[0]);
        Assert.DoesNotContain("refuses impersonation", updates[0].Split(" -> ")[1]);
        Assert.EndsWith(", refuses impersonation", updates[1]);
    }

    [Fact]
    public async Task Api_RefusesImpersonation_RoundTripsThroughCreateUpdateAndGet()
    {
        using var api = await ServiceApiClientAsync(Factory);
        var clientId = NewClientId("refusing");
        var registration = new
        {
            clientId,
            displayName = "Payroll service",
            type = "confidential",
            grantTypes = new[] { "client_credentials" },
            scopes = new[] { "api" },
            refusesImpersonation = true,
        };

        using var created = await api.PostAsJsonAsync(ClientsPath, registration);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        SuiteSecrets.Remember(SuiteSecrets.ClientSecret, body.GetProperty("clientSecret").GetString()!);
        Assert.True(body.GetProperty("client").GetProperty("refusesImpersonation").GetBoolean());
        Assert.True(await RefusesImpersonationAsync(api, clientId));

        // Left out of a replacement, it is false (as every field left out counts as empty); sent, it is kept.
        using var leftOut = await api.PutAsJsonAsync($"{ClientsPath}/{clientId}", new { displayName = "Payroll service", grantTypes = new[] { "client_credentials" } });
        Assert.Equal(HttpStatusCode.OK, leftOut.StatusCode);
        Assert.False((await leftOut.JsonAsync()).GetProperty("refusesImpersonation").GetBoolean());
        Assert.False(await RefusesImpersonationAsync(api, clientId));

        using var sent = await api.PutAsJsonAsync($"{ClientsPath}/{clientId}", registration with { });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.True((await sent.JsonAsync()).GetProperty("refusesImpersonation").GetBoolean());
        Assert.True(await RefusesImpersonationAsync(api, clientId));

        // A client registered without it answers false, never leaves the field out.
        var other = NewClientId("plain");
        await CreateServiceClientAsync(api, other);
        Assert.False(await RefusesImpersonationAsync(api, other));
    }

    [Fact]
    public async Task Seeded_ClientWithRefusesImpersonation_HasIt_OnTheApiAndThePage()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        using var api = await ServiceApiClientAsync(Factory);

        Assert.True(await RefusesImpersonationAsync(api, RefusingClientFixture.SeededClient));
        Assert.True((await AdminEditClientPage.OpenAsync(client, RefusingClientFixture.SeededClient)).RefusesImpersonation);
        Assert.False(await RefusesImpersonationAsync(api, "web"));
        Assert.False((await AdminEditClientPage.OpenAsync(client, "web")).RefusesImpersonation);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesRefusesImpersonation_OnInputAndOutput()
    {
        using var http = Factory.CreateClient();

        var schemas = (await (await http.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("components").GetProperty("schemas");

        foreach (var schema in new[] { "ClientBody", "ClientRegistration" })
        {
            var property = schemas.GetProperty(schema).GetProperty("properties").GetProperty("refusesImpersonation");
            Assert.Contains("administrator opened as the user", property.GetProperty("description").GetString());
        }
    }

    private static async Task<bool> RefusesImpersonationAsync(HttpClient api, string clientId)
    {
        using var read = await api.GetAsync($"{ClientsPath}/{Uri.EscapeDataString(clientId)}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return (await read.JsonAsync()).GetProperty("refusesImpersonation").GetBoolean();
    }
}
