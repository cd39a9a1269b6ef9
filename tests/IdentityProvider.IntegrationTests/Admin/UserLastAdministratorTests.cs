using System.Net;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.Admin.UserSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The last administrator can be neither demoted nor deleted (409), until there is another one.</summary>
public sealed class UserLastAdministratorTests(LastAdministratorFixture provider) : IClassFixture<LastAdministratorFixture>
{
    [Fact]
    public async Task LastAdministrator_DemoteOrDelete_Is409_UntilAnotherAdministratorExists()
    {
        var factory = provider.Factory;
        var alice = await factory.QueryAsync(db => db.Users.SingleAsync(user => user.Email == "alice@example.com"));
        using var http = await ServiceApiClientAsync(factory);

        using var demote = await PatchJsonAsync(http, UserApi(alice.Id), new { roles = Array.Empty<string>() });
        using var delete = await http.DeleteAsync(UserApi(alice.Id));

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("last administrator", (await demote.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(ProviderRoles.Administrator, (await (await http.GetAsync(UserApi(alice.Id))).JsonAsync()).GetProperty("roles")[0].GetString());
        Assert.Empty(await EventsAsync(factory, alice.Id, "user.updated"));

        await UserStories.CreateUserAsync(factory, role: ProviderRoles.Administrator);
        using var demoted = await PatchJsonAsync(http, UserApi(alice.Id), new { roles = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(0, (await demoted.JsonAsync()).GetProperty("roles").GetArrayLength());
    }
}
