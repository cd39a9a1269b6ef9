using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using static IdentityProvider.IntegrationTests.Admin.UserSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The user pages of the admin area: list, create, the user's page, password, delete; and the set-password link.</summary>
public sealed class UserPageTests(UserFixture provider) : IClassFixture<UserFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task UserList_SearchByName_ShowsEveryColumn_AndPages()
    {
        var marker = $"Page{Guid.NewGuid():N}"[..14];
        var users = new List<TestUser>();
        for (var i = 0; i < 26; i++)
        {
            users.Add(await UserStories.CreateUserAsync(Factory, role: i == 0 ? "staff" : null, displayName: $"{marker} {i:00}"));
        }

        await UserStories.EnrolTotpAsync(Factory, users[0].Id);
        var (client, _) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;

        var first = await AdminUsersPage.SearchAsync(admin, marker.ToLowerInvariant());

        Assert.Equal(["E-mail", "Name", "Roles", "Two-step sign-in", "Locked", "Disabled", "Last sign-in", ""], first.Headings);
        Assert.Equal(25, first.UserIds.Count);
        Assert.Contains("26 users, page 1 of 2", first.Total);
        Assert.False(first.OffersPreviousPage);
        var second = await first.NextPageAsync();
        Assert.Single(second.UserIds);
        Assert.True(second.OffersPreviousPage);
        var all = first.UserIds.Concat(second.UserIds).ToList();
        Assert.Equal(users.Select(user => user.Id).Order(), all.Order());
        var cells = (first.UserIds.Contains(users[0].Id) ? first : second).CellsOf(users[0].Id);
        Assert.Equal([users[0].Email, $"{marker} 00", "staff", "On (1 device)", "No", "No", "Never"], cells.Take(7));
    }

    [Fact]
    public async Task UserList_PageOutOfRange_SaysSo()
    {
        using var admin = (await UserStories.SignedInAdminAsync(provider)).Client;

        var garbage = await AdminUsersPage.SearchAsync(admin, "", "abc");
        var beyond = await AdminUsersPage.SearchAsync(admin, "", "99999");

        Assert.Contains("Choose a page", garbage.Message);
        Assert.Empty(garbage.UserIds);
        Assert.Contains("only", beyond.Message);
    }

    [Fact]
    public async Task CreateUser_WithPassword_OpensTheUserPage_TheUserSignsIn_AndTheActorIsLogged()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var email = $"made-{Guid.NewGuid():N}@example.com";
        var form = await (await AdminUsersPage.OpenAsync(admin).As<AdminUsersPage>()).OpenCreateAsync();
        form.AssertEveryInputHasLabel();

        var user = await form.CreateUserAsync(email, "Made Here", "staff, auditor", "a-good-password").As<AdminUserPage>();

        Assert.Contains("was created", user.StatusMessage);
        Assert.Contains(email, user.UserEmail);
        Assert.Equal("auditor, staff", user.Roles);
        using var userClient = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(userClient, email, "a-good-password").As<ManagePage>();
        var created = Assert.Single(await EventsAsync(Factory, user.UserId, "user.created"));
        Assert.Equal(adminUser.Id, created.ActorId);
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_ShowsTheLinkOnce_ItSetsThePasswordOnce_WithoutSigningIn()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var email = $"linked-{Guid.NewGuid():N}@example.com";

        var created = await (await AdminCreateUserPage.OpenAsync(admin)).CreateUserAsync(email, "Linked Person").As<AdminCreateUserPage>();

        var link = created.SetPasswordLink;
        Assert.NotNull(link);
        var userId = created.CreatedUserId!;
        Assert.Null((await AdminUserPage.OpenAsync(admin, userId)).Page.Document.QuerySelector("input#set-password-link"));
        using var browser = provider.CreateClient();
        var form = await SetPasswordPage.OpenAsync(browser, link);
        form.AssertEveryInputHasLabel();
        var mismatch = await form.SetPasswordAsync("first-choice-pw", "other-choice-pw");
        Assert.Contains("do not match", mismatch.Alerts);
        var tooShort = await mismatch.SetPasswordAsync("short");
        Assert.NotEmpty(tooShort.Alerts);
        var done = await tooShort.SetPasswordAsync("first-choice-pw");
        Assert.True(done.SaysPasswordSet);
        (await ManagePage.OpenAsync(browser)).As<LoginPage>();
        Assert.True((await SetPasswordPage.OpenAsync(browser, link)).SaysLinkInvalid);
        await UserStories.SignInWithPasswordAsync(browser, email, "first-choice-pw").As<ManagePage>();
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, userId, "password.link-issued")).ActorId);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(userId), row => (row.Detail ?? "").Contains("code=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetPasswordLink_TamperedOrRaced_WorksAtMostOnce()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var http = await AdminApiStories.ServiceApiClientAsync(Factory);
        var link = (await (await PostJsonAsync(http, $"{UserApi(user.Id)}/password")).JsonAsync()).GetProperty("setPasswordUrl").GetString()!;
        using var browser = provider.CreateClient();

        Assert.True((await SetPasswordPage.OpenAsync(browser, link[..^4] + "AAAA")).SaysLinkInvalid);
        var forms = await Race.RunAsync(4, async _ => await SetPasswordPage.OpenAsync(provider.CreateClient(), link));
        var results = await Race.RunAsync(4, index => forms[index].SetPasswordAsync($"raced-password-{index}"));

        Assert.Equal(1, results.Winners(page => page.SaysPasswordSet));
    }

    [Fact]
    public async Task CreateUser_BadInput_ShowsAMessagePerField_AndCreatesNothing()
    {
        using var admin = (await UserStories.SignedInAdminAsync(provider)).Client;
        var taken = await UserStories.CreateUserAsync(Factory);
        var form = await AdminCreateUserPage.OpenAsync(admin);

        var refused = await form.CreateUserAsync("not-an-address", "Tab\tName", "bad role!", "short").As<AdminCreateUserPage>();
        var duplicate = await refused.CreateUserAsync(taken.Email, "Twin", "", "a-good-password").As<AdminCreateUserPage>();
        var empty = await duplicate.CreateUserAsync("", "").As<AdminCreateUserPage>();

        Assert.Contains("valid e-mail address", refused.Alerts);
        Assert.Contains("control characters", refused.Alerts);
        Assert.Contains("not a role name", refused.Alerts);
        Assert.Contains("Another user has that e-mail address", duplicate.Alerts);
        Assert.Contains("Enter the e-mail address", empty.Alerts);
        Assert.Contains("Enter the name", empty.Alerts);
        Assert.Equal(0, await CountUsersWithEmailAsync(Factory, "not-an-address"));
    }

    [Fact]
    public async Task UserPage_EditsProfile_RefusesBadInput_AndLogsTheActor()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var target = await UserStories.CreateUserAsync(Factory);
        var page = await AdminUserPage.OpenAsync(admin, target.Id);
        page.AssertEveryInputHasLabel();
        var email = $"edited-{Guid.NewGuid():N}@example.com";

        var bad = await page.SaveAsync(name: "Tab\tName").As<AdminUserPage>();
        var saved = await bad.SaveAsync(email: email, name: "Edited Name", roles: "staff").As<AdminUserPage>();

        Assert.Contains("control characters", bad.Alerts);
        Assert.Contains("saved", saved.StatusMessage);
        Assert.Contains(email, saved.UserEmail);
        Assert.Equal("staff", saved.Roles);
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, "user.updated")).ActorId);
    }

    [Fact]
    public async Task Roles_AreBoxesOfTheKnownRoles_ANewOneIsTypedOnce_ABadNameIsRefused()
    {
        using var admin = (await UserStories.SignedInAdminAsync(provider)).Client;
        var target = await UserStories.CreateUserAsync(Factory);
        var role = $"team-{Guid.NewGuid():N}"[..20];
        var page = await AdminUserPage.OpenAsync(admin, target.Id);
        Assert.Contains(ProviderRoles.Administrator, page.OfferedRoles);
        Assert.Contains(ProviderRoles.UserManager, page.OfferedRoles);
        Assert.DoesNotContain(role, page.OfferedRoles);

        var refused = await page.SaveAsync(roles: "bad role!").As<AdminUserPage>();
        Assert.Contains("not a role name", refused.Alerts, StringComparison.Ordinal);
        Assert.DoesNotContain("bad", (await AdminUserPage.OpenAsync(admin, target.Id)).OfferedRoles.SelectMany(name => name.Split(' ')));

        // A new role is typed once; from then on it is a box on every user's page, and unticking it takes it away.
        var saved = await refused.SaveAsync(roles: role).As<AdminUserPage>();
        Assert.Equal(role, saved.Roles);
        Assert.Contains(role, (await AdminUserPage.OpenAsync(admin, (await UserStories.CreateUserAsync(Factory)).Id)).OfferedRoles);
        Assert.Equal("", (await saved.SaveAsync(roles: "").As<AdminUserPage>()).Roles);
    }

    [Fact]
    public async Task Disable_AsksOnceSayingWhatWillHappen_AndChangesNothingUntilConfirmed()
    {
        using var admin = (await UserStories.SignedInAdminAsync(provider)).Client;
        var target = await UserStories.CreateUserAsync(Factory);

        var asked = await (await AdminUserPage.OpenAsync(admin, target.Id)).AskToDisableAsync().As<AdminUserPage>();

        Assert.Contains($"Disable {target.Email}?", AdminConfirmStep.Text(asked), StringComparison.Ordinal);
        Assert.Contains("sessions end at once", AdminConfirmStep.Text(asked), StringComparison.Ordinal);
        Assert.False((await Factory.ReadUserAsync(target.Id)).IsDisabled);
        var disabled = await AdminConfirmStep.ConfirmAsync(asked.Page).As<AdminUserPage>();
        Assert.True((await Factory.ReadUserAsync(target.Id)).IsDisabled);
        Assert.Equal("", AdminConfirmStep.Text(disabled));
    }

    [Fact]
    public async Task UserPage_LockUnlockDisableEnable_ChangeAccess_AndTheDisabledSessionEndsAtOnce()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var (target, targetClient) = await UserStories.SignedInUserAsync(provider);
        using var _ = targetClient;
        var page = await AdminUserPage.OpenAsync(admin, target.Id);

        var locked = await page.LockAsync().As<AdminUserPage>();
        Assert.Equal("Until unlocked", locked.Locked);
        Assert.True(locked.OffersUnlock);
        using var other = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(other, target.Email, target.Password).As<LoginPage>();
        var unlocked = await locked.UnlockAsync().As<AdminUserPage>();
        Assert.Equal("No", unlocked.Locked);
        await UserStories.SignInWithPasswordAsync(targetClient, target.Email, target.Password).As<ManagePage>();

        var disabled = await unlocked.DisableAsync().As<AdminUserPage>();

        Assert.Equal("Disabled", disabled.Disabled);
        (await ManagePage.OpenAsync(targetClient)).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(targetClient, target.Email, target.Password).As<LoginPage>();
        var enabled = await disabled.EnableAsync().As<AdminUserPage>();
        Assert.Equal("No", enabled.Disabled);
        await UserStories.SignInWithPasswordAsync(targetClient, target.Email, target.Password).As<ManagePage>();
        foreach (var kind in new[] { "user.locked", "user.unlocked", "user.disabled", "user.enabled" })
        {
            Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, kind)).ActorId);
        }
    }

    [Fact]
    public async Task UserPage_SignOutEverywhere_EndsTheUsersSession()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var (target, targetClient) = await UserStories.SignedInUserAsync(provider);
        using var _ = targetClient;

        var page = await (await AdminUserPage.OpenAsync(admin, target.Id)).SignOutEverywhereAsync().As<AdminUserPage>();

        Assert.Contains("signed out everywhere", page.StatusMessage);
        (await ManagePage.OpenAsync(targetClient)).As<LoginPage>();
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, "user.signed-out-everywhere")).ActorId);
    }

    [Fact]
    public async Task UserPage_OnOneself_LockDisableAndDeleteAreRefusedWithAMessage()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var page = await AdminUserPage.OpenAsync(admin, adminUser.Id);

        var lockRefused = await page.LockAsync().As<AdminUserPage>();
        var disableRefused = await lockRefused.DisableAsync().As<AdminUserPage>();
        var deleteRefused = await (await disableRefused.OpenDeleteAsync()).DeleteAsync().As<AdminDeleteUserPage>();

        Assert.Contains("cannot lock your own account", lockRefused.Alerts);
        Assert.Contains("cannot disable your own account", disableRefused.Alerts);
        Assert.Contains("cannot delete your own account", deleteRefused.Alerts);
        var stored = await Factory.ReadUserAsync(adminUser.Id);
        Assert.False(stored.IsDisabled);
        Assert.Null(stored.LockoutEnd);
        await AdminUsersPage.OpenAsync(admin).As<AdminUsersPage>();
    }

    [Fact]
    public async Task PasswordPage_SetsANewPasswordOrIssuesALink_BothEndTheSessions()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var (target, targetClient) = await UserStories.SignedInUserAsync(provider);
        using var _ = targetClient;
        var page = await (await AdminUserPage.OpenAsync(admin, target.Id)).OpenPasswordAsync();
        page.AssertEveryInputHasLabel();

        var mismatch = await page.SetPasswordAsync("new-password-1", "new-password-2").As<AdminUserPasswordPage>();
        var tooShort = await mismatch.SetPasswordAsync("short").As<AdminUserPasswordPage>();
        var set = await tooShort.SetPasswordAsync("new-password-1").As<AdminUserPage>();

        Assert.Contains("do not match", mismatch.Alerts);
        Assert.NotEmpty(tooShort.Alerts);
        Assert.Contains("new password is set", set.StatusMessage);
        (await ManagePage.OpenAsync(targetClient)).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(targetClient, target.Email, "new-password-1").As<ManagePage>();

        var linked = await (await set.OpenPasswordAsync()).IssueLinkAsync();

        Assert.NotNull(linked.SetPasswordLink);
        (await ManagePage.OpenAsync(targetClient)).As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(targetClient, target.Email, "new-password-1").As<LoginPage>();
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, "password.reset-by-admin")).ActorId);
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, "password.link-issued")).ActorId);
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains("new-password-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletePage_DeletesTheUser_AndLogsTheActor()
    {
        var (client, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var admin = client;
        var target = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, target.Id);

        var list = await (await AdminDeleteUserPage.OpenAsync(admin, target.Id)).DeleteAsync().As<AdminUsersPage>();

        Assert.Contains("was deleted", list.StatusMessage);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminUserPage.TryOpenAsync(admin, target.Id)).Status);
        Assert.Equal(adminUser.Id, Assert.Single(await EventsAsync(Factory, target.Id, "user.deleted")).ActorId);
        using var userClient = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(userClient, target.Email, target.Password).As<LoginPage>();
    }

    [Fact]
    public async Task UserPages_NonAdministratorAndAnonymous_AreRefused()
    {
        var target = await UserStories.CreateUserAsync(Factory);
        var member = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, member.Id);
        using var memberClient = provider.CreateClient();
        (await UserStories.SignInWithTwoStepsAsync(Factory, memberClient, member, device)).As<ManagePage>();
        using var anonymous = provider.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await AdminCreateUserPage.TryOpenAsync(memberClient)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AdminUserPage.TryOpenAsync(memberClient, target.Id)).Status);
        await AdminCreateUserPage.TryOpenAsync(anonymous).As<LoginPage>();
        await AdminUserPage.TryOpenAsync(anonymous, target.Id).As<LoginPage>();
    }
}
