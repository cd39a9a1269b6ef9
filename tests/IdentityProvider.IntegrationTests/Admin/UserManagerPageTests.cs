using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.Admin.UserManagerSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The admin area for a user-manager (both steps in this session): the user pages show and do what the role may, every
/// other page and handler answers 403, and a change to an administrator is refused with a message; nothing is written.
/// </summary>
public sealed class UserManagerPageTests(UserManagerFixture fixture) : IClassFixture<UserManagerFixture>
{
    private static readonly string NotOnAdministrator = new Sentence("User.NotOnAdministrator").English;

    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Sections_ShowTheUserManagerOnlyWhatTheRoleMayDo()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        using var adminClient = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var home = await AdminHomePage.OpenAsync(client);
        var users = await AdminUsersPage.OpenAsync(client).As<AdminUsersPage>();
        var tokens = await AdminHardwareTokensPage.OpenAsync(client);

        Assert.Equal(AdminNavigation.UserManagerSections, AdminNavigation.On(home)!.Addresses); // the dashboard, users, hardware tokens, the API's reference
        Assert.Equal("Users", home.Sections[1]);
        Assert.False(users.OffersCreate);
        Assert.False(tokens.OffersInventoryLinks);
        Assert.Equal(8, (await AdminHomePage.OpenAsync(adminClient)).Sections.Count);
        Assert.True((await AdminUsersPage.OpenAsync(adminClient).As<AdminUsersPage>()).OffersCreate);
    }

    [Theory]
    [InlineData(AdminCreateUserPage.Path)]
    [InlineData(AdminClientsPage.Path)]
    [InlineData(AdminCreateClientPage.Path)]
    [InlineData(AdminScopesPage.Path)]
    [InlineData(AdminCreateScopePage.Path)]
    [InlineData(AdminPolicyPage.Path)]
    [InlineData(AdminSecurityLogPage.Path)]
    [InlineData(AdminRegisterTokenPage.Path)]
    [InlineData(AdminImportTokensPage.Path)]
    [InlineData(AdminIdentifyTokenPage.Path)]
    public async Task AdministratorPages_Answer403_ToOpeningAndPosting(string path)
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var home = await AdminHomePage.OpenAsync(client);
        var before = await AllEventsAsync();

        var opened = await client.GetAsync(path);
        var posted = await AdminForgery.PostAsync(home.Page, path, fields: new Dictionary<string, string>());

        AssertForbidden(opened);
        AssertForbidden(posted);
        Assert.Equal(before, await AllEventsAsync());
    }

    [Fact]
    public async Task DeletingAUser_Answers403_AndTheUserStays()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var target = await UserStories.CreateUserAsync(Factory);
        var page = await AdminUserPage.OpenAsync(client, target.Id);

        AssertForbidden(await client.GetAsync(AdminDeleteUserPage.PathFor(target.Id)));
        AssertForbidden(await AdminForgery.PostAsync(page.Page, AdminDeleteUserPage.PathFor(target.Id)));
        AssertForbidden(await AdminForgery.PostAsync(page.Page, AdminEditClientPage.PathFor("web")));

        Assert.Equal(target.Email, (await Factory.ReadUserAsync(target.Id)).Email);
    }

    [Fact]
    public async Task UserPage_OffersLockAndTheTabs_NotTheProfileRolesOrDeletion()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var target = await UserStories.CreateUserAsync(Factory, role: "staff");

        var page = await AdminUserPage.OpenAsync(client, target.Id);

        Assert.True(page.OffersLock);
        Assert.Equal("staff", page.ReadOnlyRoles);
        Assert.False(page.OffersSave);
        Assert.False(page.OffersDisable);
        Assert.False(page.OffersSignOutEverywhere);
        Assert.False(page.OffersDelete);
        Assert.False(page.SaysAdministratorsOnly);
    }

    [Theory]
    [InlineData(AdminUserAction.Disable)]
    [InlineData(AdminUserAction.Enable)]
    [InlineData(AdminUserAction.SignOut)]
    public async Task AdministratorsHandlers_Answer403_AndChangeNothing(AdminUserAction action)
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var target = await UserStories.CreateUserAsync(Factory);
        var page = await AdminUserPage.OpenAsync(client, target.Id);
        var stamp = (await Factory.ReadUserAsync(target.Id)).SecurityStamp;

        AssertForbidden(await page.ForgeAsync(action));

        var user = await Factory.ReadUserAsync(target.Id);
        Assert.False(user.IsDisabled);
        Assert.Equal(stamp, user.SecurityStamp);
        Assert.Equal(0, await EventCountAsync(Factory, target.Id));
    }

    [Fact]
    public async Task ChangingRolesOrProfile_Answers403_AndChangesNothing()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var target = await UserStories.CreateUserAsync(Factory);
        var page = await AdminUserPage.OpenAsync(client, target.Id);

        AssertForbidden(await page.ForgeSaveAsync(target.Email, "Renamed", ProviderRoles.Administrator));

        Assert.Equal("Test Person", (await Factory.ReadUserAsync(target.Id)).DisplayName);
        Assert.Empty(await Factory.QueryAsync(db => db.UserRoles.Where(link => link.UserId == target.Id).ToListAsync()));
    }

    [Fact]
    public async Task EveryAllowedAction_WorksOnThePages_AndTheLogNamesTheUserManager()
    {
        var (managerClient, manager) = await UserStories.SignedInUserManagerAsync(fixture);
        using var client = managerClient;
        var target = await HelpedUserAsync(Factory);
        var serial = await InStockTokenAsync(Factory);

        var found = await AdminUsersPage.SearchAsync(client, target.User.Email);
        Assert.Equal(target.Id, Assert.Single(found.UserIds));
        var locked = await (await AdminUserPage.OpenAsync(client, target.Id)).LockAsync().As<AdminUserPage>();
        Assert.NotEqual("No", locked.Locked);
        var unlocked = await locked.UnlockAsync().As<AdminUserPage>();
        Assert.Equal("No", unlocked.Locked);

        var linked = await (await AdminUserPasswordPage.OpenAsync(client, target.Id)).IssueLinkAsync();
        Assert.NotNull(linked.SetPasswordLink);
        (await (await AdminUserPasswordPage.OpenAsync(client, target.Id)).SetPasswordAsync($"Pw-{Guid.NewGuid():N}")).As<AdminUserPage>();

        var twoStep = await AdminUserTwoStepPage.OpenAsync(client, target.Id);
        Assert.NotEmpty((await twoStep.GenerateAsync().As<AdminUserTwoStepPage>()).IssuedCodes);
        var suspended = await (await AdminUserTwoStepPage.OpenAsync(client, target.Id)).SuspendAsync("3", "phone lost").As<AdminUserTwoStepPage>();
        Assert.True(suspended.OffersRestore);
        var restored = await suspended.RestoreAsync().As<AdminUserTwoStepPage>();
        var forgotten = await restored.ForgetBrowsersAsync().As<AdminUserTwoStepPage>();
        Assert.True((await forgotten.RemoveDeviceAsync(target.DeviceId).As<AdminUserTwoStepPage>()).SaysNoDevices);

        var tokens = await AdminUserTokensPage.OpenAsync(client, target.Id);
        var denied = await tokens.ChooseAsync(AdminUserTokensPage.Deny).As<AdminUserTokensPage>();
        Assert.Equal(AdminUserTokensPage.Deny, denied.CheckedChoice);
        Assert.Empty((await denied.RevokeAsync(target.TokenId).As<AdminUserTokensPage>()).RevocableTokenIds);

        var token = await AdminHardwareTokenPage.OpenAsync(client, serial);
        Assert.True(token.OffersAssign);
        Assert.False(token.OffersInventoryActions);
        var assigned = await token.AssignAsync(target.User.Email).As<AdminHardwareTokenPage>();
        Assert.Contains(target.User.Email, assigned.HolderText);
        Assert.False(assigned.OffersInventoryActions);
        var back = await assigned.UnassignAsync().As<AdminHardwareTokenPage>();
        Assert.Equal(HardwareTokenStatus.Name(HardwareTokenStatus.InStock).English, back.StatusText);

        var events = await Factory.SecurityEventsAsync(target.Id);
        foreach (var kind in new[]
        {
            SecurityEventKinds.UserLocked, SecurityEventKinds.UserUnlocked, SecurityEventKinds.PasswordLinkIssued, SecurityEventKinds.PasswordReset,
            SecurityEventKinds.RecoveryCodesGenerated, SecurityEventKinds.TwoStepSuspended, SecurityEventKinds.BrowsersForgottenByAdmin,
            SecurityEventKinds.TokenRevoked, SecurityEventKinds.HardwareTokenAssigned, SecurityEventKinds.HardwareTokenUnassigned,
        })
        {
            Assert.True(events.Any(row => row.Kind == kind && row.ActorId == manager.Id), $"No {kind} by the user-manager.");
        }
    }

    [Fact]
    public async Task HardwareTokenInventoryHandlers_Answer403_AndChangeNothing()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var serial = await InStockTokenAsync(Factory);
        var page = await AdminHardwareTokenPage.OpenAsync(client, serial);

        foreach (var action in new[] { AdminHardwareTokenAction.Disable, AdminHardwareTokenAction.Lost, AdminHardwareTokenAction.Resync, AdminHardwareTokenAction.Delete })
        {
            AssertForbidden(await page.ForgeAsync(action));
        }

        Assert.Equal(HardwareTokenStatus.Name(HardwareTokenStatus.InStock).English, (await AdminHardwareTokenPage.OpenAsync(client, serial)).StatusText);
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("set password")]
    [InlineData("password link")]
    [InlineData("recovery codes")]
    [InlineData("suspend")]
    [InlineData("forget browsers")]
    [InlineData("remove device")]
    [InlineData("token permission")]
    [InlineData("revoke token")]
    [InlineData("assign hardware token")]
    [InlineData("unassign hardware token")]
    public async Task ChangesToAnAdministrator_AreRefusedWithAMessage_AndWriteNothing(string action)
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var administrator = await HelpedUserAsync(Factory, ProviderRoles.Administrator);
        var serial = action == "unassign hardware token" ? await HeldTokenAsync(Factory, administrator.Id) : await InStockTokenAsync(Factory);
        var before = await EventCountAsync(Factory, administrator.Id);
        var userPage = await AdminUserPage.OpenAsync(client, administrator.Id);
        Assert.True(userPage.SaysAdministratorsOnly);
        Assert.False(userPage.OffersLock);

        var answer = action switch
        {
            "lock" => await userPage.ForgeAsync(AdminUserAction.Lock),
            "set password" => await (await AdminUserPasswordPage.OpenAsync(client, administrator.Id)).ForgeSetPasswordAsync($"Pw-{Guid.NewGuid():N}"),
            "password link" => await (await AdminUserPasswordPage.OpenAsync(client, administrator.Id)).ForgeIssueLinkAsync(),
            "recovery codes" => await (await AdminUserTwoStepPage.OpenAsync(client, administrator.Id)).ForgeGenerateAsync(),
            "suspend" => await (await AdminUserTwoStepPage.OpenAsync(client, administrator.Id)).ForgeSuspendAsync("3", "no"),
            "forget browsers" => await (await AdminUserTwoStepPage.OpenAsync(client, administrator.Id)).ForgeForgetBrowsersAsync(),
            "remove device" => await (await AdminUserTwoStepPage.OpenAsync(client, administrator.Id)).ForgeRemoveDeviceAsync(administrator.DeviceId),
            "token permission" => await (await AdminUserTokensPage.OpenAsync(client, administrator.Id)).ForgeChooseAsync(AdminUserTokensPage.Deny),
            "revoke token" => await (await AdminUserTokensPage.OpenAsync(client, administrator.Id)).ForgeRevokeAsync(administrator.TokenId),
            "assign hardware token" => await (await AdminHardwareTokenPage.OpenAsync(client, serial)).AssignAsync(administrator.User.Email),
            _ => await (await AdminHardwareTokenPage.OpenAsync(client, serial)).UnassignAsync(),
        };

        Assert.True(answer.Text.Contains(NotOnAdministrator, StringComparison.Ordinal), $"{action}: {(int)answer.Status} {answer.Uri} {answer.Text.Trim()}");
        Assert.Equal(before, await EventCountAsync(Factory, administrator.Id));
        var stored = await Factory.ReadUserAsync(administrator.Id);
        Assert.Null(stored.LockoutEnd);
        Assert.True(await Factory.QueryAsync(db => db.Users.AnyAsync(user => user.Id == administrator.Id && user.PasswordHash != null)));
        Assert.True((await Factory.ReadDeviceAsync(administrator.DeviceId)).IsActive);
    }

    [Fact]
    public async Task AdministratorsTabs_ShowAUserManagerNoForm_OnlyWhyNot()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var administrator = await HelpedUserAsync(Factory, ProviderRoles.Administrator);
        var user = await HelpedUserAsync(Factory);

        var password = await AdminUserPasswordPage.OpenAsync(client, administrator.User.Id);
        var twoStep = await AdminUserTwoStepPage.OpenAsync(client, administrator.User.Id);
        var tokens = await AdminUserTokensPage.OpenAsync(client, administrator.User.Id);
        Assert.True(password.SaysAdministratorsOnly && !password.OffersAnyChange);
        Assert.True(twoStep.SaysAdministratorsOnly && !twoStep.OffersAnyChange);
        Assert.True(tokens.SaysAdministratorsOnly && !tokens.OffersAnyChange);
        Assert.NotEmpty(twoStep.DeviceRows);

        // A user who is not an administrator: the same tabs offer the user-manager's changes.
        Assert.True((await AdminUserPasswordPage.OpenAsync(client, user.User.Id)).OffersAnyChange);
        Assert.True((await AdminUserTwoStepPage.OpenAsync(client, user.User.Id)).OffersSuspend);
        Assert.True((await AdminUserTokensPage.OpenAsync(client, user.User.Id)).OffersAnyChange);
    }

    [Fact]
    public async Task UserPages_UserManagerWithPasswordOnly_AreRefused()
    {
        var manager = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.UserManager);
        using var client = fixture.CreateClient();
        (await UserStories.SignInWithPasswordAsync(client, manager.Email, manager.Password)).As<ManagePage>();

        AssertForbidden(await AdminUsersPage.OpenAsync(client));
        AssertForbidden(await AdminHomePage.TryOpenAsync(client));
    }

    [Fact]
    public async Task LockingOneself_IsRefusedAsForAnAdministrator()
    {
        var (managerClient, manager) = await UserStories.SignedInUserManagerAsync(fixture);
        using var client = managerClient;

        var answer = await (await AdminUserPage.OpenAsync(client, manager.Id)).LockAsync();

        Assert.Contains(new Sentence("User.LockSelf").English, answer.Text);
        Assert.Null((await Factory.ReadUserAsync(manager.Id)).LockoutEnd);
    }

    private static void AssertForbidden(ProviderPage page) =>
        Assert.True(page.Status == HttpStatusCode.Forbidden && AccessDeniedPage.IsAt(page.Uri.AbsolutePath), $"{page.Uri} answered {(int)page.Status}: {page.Text.Trim()}");

    private Task<int> AllEventsAsync() => Factory.QueryAsync(db => db.SecurityEvents.CountAsync());
}
