using System.Net;
using IdentityProvider.Admin.Api;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// An administrator's personal access token for the admin API: only administrators may create one carrying
/// <c>idp.admin</c>, and it stops working for the API the moment its user loses the admin role.
/// </summary>
public sealed class AdminPersonalAccessTokenTests(AdminTokenFixture fixture) : IClassFixture<AdminTokenFixture>
{
    private const string PolicyPath = "/api/admin/policy";

    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public void AdministratorScope_AgreesWithTheAdminApi()
    {
        Assert.Equal(AdminApiAccess.Scope, AdministratorScope.Name);
    }

    [Fact]
    public async Task AdminPat_WithAdminScope_ReachesThePolicy_AndStopsAtOnceWhenTheRoleIsRemoved()
    {
        var admin = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.Administrator);
        var token = await AdminTokenSteps.IssueAsync(Factory, admin.Id, "automation", AdminScope);
        var exchanged = await AdminTokenSteps.ExchangeAsync(Factory, token.Secret, scope: AdminScope);
        Assert.Equal(HttpStatusCode.OK, exchanged.Status);
        using var http = ApiClient(Factory, exchanged.AccessToken);

        using var allowed = await http.GetAsync(PolicyPath);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        await Factory.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(async users =>
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(admin.Id))!, ProviderRoles.Administrator));

        // The access token already issued stops at once, and the token yields no new one with the scope.
        using var refused = await http.GetAsync(PolicyPath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var again = await AdminTokenSteps.ExchangeAsync(Factory, token.Secret, scope: AdminScope);
        Assert.Equal("invalid_scope", again.Error);
        Assert.Contains(AdminScope, again.ErrorDescription);
    }

    [Fact]
    public async Task PatExchange_WithoutAskingForTheScope_DropsIdpAdminForAFormerAdministrator()
    {
        var admin = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.Administrator);
        var token = await AdminTokenSteps.IssueAsync(Factory, admin.Id, "both", "api", AdminScope);
        await Factory.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(async users =>
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(admin.Id))!, ProviderRoles.Administrator));

        var exchanged = await AdminTokenSteps.ExchangeAsync(Factory, token.Secret);

        Assert.Equal(HttpStatusCode.OK, exchanged.Status);
        var scopes = exchanged.AccessTokenJwt.Claims.Where(claim => claim.Type is "scope" or "scp").SelectMany(claim => claim.Value.Split(' ')).ToList();
        Assert.Contains("api", scopes);
        Assert.DoesNotContain(AdminScope, scopes);
        using var http = ApiClient(Factory, exchanged.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(PolicyPath)).StatusCode);
    }

    [Fact]
    public async Task NonAdministrator_CannotCreateAPatWithAdminScope_OnThePageOrThroughTheService()
    {
        var (user, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;

        var page = await (await CreateTokenPage.OpenAsync(client)).SubmitAsync(new TokenForm("sneaky", "30", false, AdminScope));
        var direct = await AdminTokenSteps.TryIssueAsync(Factory, user.Id, "sneaky2", AdminScope);

        Assert.Null(page.NewToken);
        var refusal = new Sentence("Tokens.Create.AdministratorScope", AdministratorScope.Name).English;
        Assert.Contains(refusal, page.Alerts);
        Assert.False(direct.Succeeded);
        Assert.Contains(direct.Problems, problem => problem.Field == nameof(NewTokenInput.Scopes) && problem.Message.English == refusal);
        Assert.Empty(await Factory.QueryAsync(db => db.PersonalAccessTokens.Where(token => token.UserId == user.Id).ToListAsync()));
        // An ordinary scope is still fine for the same user.
        await AdminTokenSteps.IssueAsync(Factory, user.Id, "plain", "api");
    }
}
