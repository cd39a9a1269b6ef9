using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.Admin;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>
/// Who may not be signed in as, and by whom: never an administrator or oneself, only by an administrator, only with a
/// reason of 1 to 200 characters. A refused request changes no session and logs no start.
/// </summary>
public class SignInAsRefusalTests(ImpersonationFixture provider) : IClassFixture<ImpersonationFixture>
{
    [Fact]
    public async Task AnotherAdministrator_IsNotOffered_AndAForgedRequestIsRefused()
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(provider);
        using var _ = client;
        var other = await UserStories.CreateUserAsync(provider.Factory, ProviderRoles.Administrator);

        Assert.False((await AdminUserPage.OpenAsync(client, other.Id)).OffersSignInAs);
        var page = await AdminSignInAsPage.OpenAsync(client, other.Id);
        Assert.False(page.OffersForm);
        Assert.Equal("You cannot sign in as an administrator.", page.NotOffered);

        var refused = (await AdminSignInAsPage.ForgeAsync(page, other.Id, "curious")).As<AdminSignInAsPage>();
        Assert.Contains("You cannot sign in as an administrator.", refused.Alerts, StringComparison.Ordinal);
        await AssertStillAdministratorAsync(client, admin, other);
    }

    [Fact]
    public async Task Oneself_IsNotOffered_AndAForgedRequestIsRefused()
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(provider);
        using var _ = client;

        var page = await AdminSignInAsPage.OpenAsync(client, admin.Id);
        Assert.Equal("You cannot sign in as yourself.", page.NotOffered);

        var refused = (await AdminSignInAsPage.ForgeAsync(page, admin.Id, "curious")).As<AdminSignInAsPage>();
        Assert.Contains("You cannot sign in as yourself.", refused.Alerts, StringComparison.Ordinal);
        await AssertStillAdministratorAsync(client, admin, admin);
    }

    [Theory]
    [InlineData("", "Enter the reason for signing in as this user.")]
    [InlineData("   ", "Enter the reason for signing in as this user.")]
    [InlineData("x201", "The reason can have at most 200 characters.")]
    [InlineData("bell\u0007", "The reason cannot contain control characters or invisible characters.")]
    public async Task Reason_MissingTooLongOrHidden_IsRefusedOnTheForm(string reason, string message)
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(provider);
        using var _ = client;
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var typed = reason == "x201" ? new string('x', 201) : reason;

        var refused = (await (await AdminSignInAsPage.OpenAsync(client, user.Id)).SignInAsAsync(typed)).As<AdminSignInAsPage>();

        Assert.Contains(message, refused.Alerts, StringComparison.Ordinal);
        await AssertStillAdministratorAsync(client, admin, user);
    }

    [Fact]
    public async Task LockedUser_IsRefused_WithAMessage()
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(provider);
        using var _ = client;
        var user = await UserStories.CreateUserAsync(provider.Factory);
        await provider.Factory.UpdateUserAsync(user.Id, stored => stored.IsDisabled = true);

        var refused = (await (await AdminSignInAsPage.OpenAsync(client, user.Id)).SignInAsAsync("why not")).As<AdminSignInAsPage>();

        Assert.Contains("This user cannot sign in now", refused.Alerts, StringComparison.Ordinal);
        await AssertStillAdministratorAsync(client, admin, user);
    }

    [Fact]
    public async Task UserManager_MayNotOpenThePage_NorPostIt()
    {
        var (client, _) = await UserStories.SignedInUserManagerAsync(provider);
        using var browser = client;
        var user = await UserStories.CreateUserAsync(provider.Factory);

        Assert.False((await AdminUserPage.OpenAsync(client, user.Id)).OffersSignInAs);
        await AccessDeniedPage.RefusalAsync(AdminSignInAsPage.TryOpenAsync(client, user.Id));
        var users = (await AdminUsersPage.OpenAsync(client)).As<AdminUsersPage>();
        await AccessDeniedPage.RefusalAsync(AdminSignInAsPage.ForgeAsync(users, user.Id, "helping"));

        Assert.DoesNotContain(await provider.Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.ImpersonationStarted);
        Assert.Null(ImpersonationBanner.On(await ManagePage.OpenAsync(client)));
    }

    [Fact]
    public async Task AdminApi_OffersNoSignInAsAUser()
    {
        using var http = await AdminApiStories.ServiceApiClientAsync(provider.Factory);
        var user = await UserStories.CreateUserAsync(provider.Factory);

        using var response = await http.PostAsync($"{UserSteps.UsersApi}/{user.Id}/impersonation", JsonContent.Create(new { reason = "script" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        Assert.DoesNotContain(document.RootElement.GetProperty("paths").EnumerateObject(),
            path => path.Name.Contains("impersonation", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(await provider.Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.ImpersonationStarted);
    }

    /// <summary>Nothing started: no log of it, and the browser still holds the administrator's session.</summary>
    private async Task AssertStillAdministratorAsync(ProviderClient client, TestUser admin, TestUser target)
    {
        Assert.DoesNotContain(await provider.Factory.SecurityEventsAsync(target.Id), row => row.Kind == SecurityEventKinds.ImpersonationStarted);
        Assert.DoesNotContain(await provider.Factory.SecurityEventsAsync(admin.Id), row => row.Kind == SecurityEventKinds.SignedInAsUser);
        Assert.True((await AdminPolicyPage.TryOpenAsync(client)).Is<AdminPolicyPage>());
    }
}
