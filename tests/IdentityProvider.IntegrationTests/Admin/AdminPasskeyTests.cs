using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityProvider.Admin.Api;
using IdentityProvider.Admin.Users;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.Passkeys;
using IdentityProvider.Localization;
using IdentityProvider.Policy;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.Admin.AdminPasskeySteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A user's passkeys administered through the two-step tab and <c>/api/admin/users/{id}/passkeys</c>: listed, removed once
/// confirmed (logged with the one acting, the owner mailed once), never by a user-manager on an administrator; and a user
/// whose only second step is a passkey counted as having two-step sign-in on by the users list and the dashboard.
/// </summary>
public sealed class AdminPasskeyTests(AdminPasskeyFixture fixture) : IClassFixture<AdminPasskeyFixture>
{
    private const string ServiceClient = "admin-service";

    private static readonly string NotOnAdministrator = new Sentence("User.NotOnAdministrator").English;

    private ProviderFactory Factory => fixture.Factory;

    private static string PasskeysPath(string userId) => $"{UserSteps.UserApi(userId)}/passkeys";

    [Fact]
    public async Task TwoStepTab_ListsThePasskey_AndSaysTwoStepIsOn()
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);

        Assert.Equal("Status: on", tab.StatusText);
        Assert.True(tab.SaysNoDevices);
        Assert.Equal([passkeyId], tab.PasskeyIds);
        var row = Assert.Single(tab.PasskeyRows);
        Assert.Contains("Work laptop", row);
        Assert.Contains("No, one device only", row); // the software authenticator's passkey is not synced
        Assert.True(tab.OffersPasskeyRemoval);
    }

    [Fact]
    public async Task TwoStepTab_RemovePasskey_AsksFirst_ThenRemovesIt_LoggedWithTheAdmin_AndMailsTheOwnerOnce()
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);

        var asked = await tab.AskToRemovePasskeyAsync(passkeyId).As<AdminUserTwoStepPage>();

        Assert.Contains($"Remove the passkey \"Work laptop\" of {user.Email}?", AdminConfirmStep.Text(asked), StringComparison.Ordinal);
        Assert.Equal([passkeyId], asked.PasskeyIds);
        Assert.Empty(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved));

        var removed = await AdminConfirmStep.ConfirmAsync(asked.Page).As<AdminUserTwoStepPage>();

        Assert.Contains("The passkey \"Work laptop\" was removed.", removed.StatusMessage);
        Assert.True(removed.SaysNoPasskeys);
        Assert.StartsWith("Status: off", removed.StatusText);
        Assert.Equal(admin.Id, Assert.Single(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved)).ActorId);
        // Note: one mail, from the log's row; its body is emptied once sent, so only the subject is read.
        Assert.Contains("a passkey was removed", Assert.Single(await MailsAsync(user.Id, SecurityEventKinds.PasskeyRemoved)).Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-passkey")]
    [InlineData("!!!")]
    public async Task TwoStepTab_RemoveAPasskeyNotTheUsers_SaysSoAndRemovesNothing(string passkeyId)
    {
        var (user, _) = await PasskeyOnlyUserAsync(Factory);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);

        var answer = await tab.AskToRemovePasskeyAsync(passkeyId).As<AdminUserTwoStepPage>();
        var forced = await tab.ForgeRemovePasskeyAsync(passkeyId).As<AdminUserTwoStepPage>();

        Assert.Contains("That passkey does not exist (any more).", answer.Alerts);
        Assert.Contains("That passkey does not exist (any more).", forced.Alerts);
        Assert.Single(forced.PasskeyIds);
        Assert.Empty(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved));
    }

    [Fact]
    public async Task TwoStepTab_UserManager_GetsNoRemoveFormOnAnAdministratorsTab_AndAForgedRemovalIsRefused()
    {
        var (administrator, adminPasskey) = await PasskeyOnlyUserAsync(Factory, ProviderRoles.Administrator);
        var (user, _) = await PasskeyOnlyUserAsync(Factory);
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;

        var administratorsTab = await AdminUserTwoStepPage.OpenAsync(client, administrator.Id);
        var forged = await administratorsTab.ForgeRemovePasskeyAsync(adminPasskey);
        var asked = await administratorsTab.ForgeAskToRemovePasskeyAsync(adminPasskey);

        Assert.True(administratorsTab.SaysAdministratorsOnly);
        Assert.False(administratorsTab.OffersPasskeyRemoval);
        Assert.False(administratorsTab.OffersAnyChange);
        Assert.Equal([adminPasskey], administratorsTab.PasskeyIds);
        Assert.True(forged.Text.Contains(NotOnAdministrator, StringComparison.Ordinal), $"{(int)forged.Status} {forged.Uri} {forged.Text.Trim()}");
        Assert.True(asked.Text.Contains(NotOnAdministrator, StringComparison.Ordinal), $"{(int)asked.Status} {asked.Uri} {asked.Text.Trim()}");
        Assert.Equal("", AdminConfirmStep.Text(AdminUserTwoStepPage.Create(asked)));
        Assert.Empty(await UserSteps.EventsAsync(Factory, administrator.Id, SecurityEventKinds.PasskeyRemoved));
        Assert.Single(await Factory.QueryAsync(db => db.UserPasskeys.Where(passkey => passkey.UserId == administrator.Id).ToListAsync()));
        // A user who is not an administrator: the user-manager may remove the passkey.
        Assert.True((await AdminUserTwoStepPage.OpenAsync(client, user.Id)).OffersPasskeyRemoval);
    }

    [Fact]
    public async Task PasskeysApi_ListsThem_WithoutAnyKey()
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await http.GetAsync(PasskeysPath(user.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(user.Id, body.GetProperty("userId").GetString());
        var listed = Assert.Single(body.GetProperty("passkeys").EnumerateArray());
        Assert.Equal(passkeyId, listed.GetProperty("id").GetString());
        Assert.Equal("Work laptop", listed.GetProperty("name").GetString());
        Assert.Equal(Assert.Single(await PasskeyStories.ListAsync(Factory, user.Id)).CreatedAt, listed.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.False(listed.GetProperty("backedUp").GetBoolean());
        Assert.True(listed.GetProperty("userVerified").GetBoolean());
        Assert.DoesNotContain("publicKey", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TabAndApi_ShowWhenThePasskeyLastSignedIn()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        using var http = await ServiceApiClientAsync(Factory);
        Assert.Contains("Not used yet", Assert.Single((await AdminUserTwoStepPage.OpenAsync(client, user.Id)).PasskeyRows));

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using var userClient = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var tokens = await UserStories.ExchangeCodeAsync(userClient, request, await PasskeyStories.SignInWithPasswordAndPasskeyAsync(userClient, request, user, passkey));
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        var listed = (await (await http.GetAsync(PasskeysPath(user.Id))).JsonAsync()).GetProperty("passkeys")[0];

        Assert.Contains("hwk", tokens.Amr);
        Assert.DoesNotContain("Not used yet", Assert.Single(tab.PasskeyRows));
        Assert.Equal(Factory.Clock.GetUtcNow(), listed.GetProperty("lastUsedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PasskeysApi_Delete_Is204_ThenGone_LoggedWithTheClient_AndASecondDeleteIs404()
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);

        using var removed = await http.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");
        using var again = await http.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");
        using var list = await http.GetAsync(PasskeysPath(user.Id));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await list.JsonAsync()).GetProperty("passkeys").EnumerateArray());
        Assert.Equal(ServiceClient, Assert.Single(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved)).ActorId);
        Assert.Single(await MailsAsync(user.Id, SecurityEventKinds.PasskeyRemoved));
    }

    [Theory]
    [InlineData("GET", "no-such-user", "")]
    [InlineData("DELETE", "no-such-user", "/AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DELETE", "", "/AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DELETE", "", "/not%20base64url%21")]
    [InlineData("DELETE", "", "/%01")]
    [InlineData("DELETE", "", "/long")]
    [InlineData("DELETE", "", "/other")]
    public async Task PasskeysApi_UnknownUserOrPasskey_OrAMalformedId_Is404ProblemDocument(string method, string userId, string tail)
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        var (_, othersPasskey) = await PasskeyOnlyUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);
        var path = PasskeysPath(userId.Length > 0 ? userId : user.Id) + tail switch
        {
            "/long" => "/" + new string('A', 5000),
            "/other" => "/" + othersPasskey,
            _ => tail,
        };

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("status").GetInt32());
        Assert.Equal([passkeyId], (await Factory.QueryAsync(db => db.UserPasskeys.Where(passkey => passkey.UserId == user.Id).ToListAsync()))
            .Select(passkey => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(passkey.CredentialId)));
        Assert.Empty(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved));
    }

    [Fact]
    public async Task PasskeysApi_UserManagerRights_ReachUsersButNotAnAdministrator_AnonymousIs401_ScopelessIs403()
    {
        var (administrator, adminPasskey) = await PasskeyOnlyUserAsync(Factory, ProviderRoles.Administrator);
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        using var desk = ApiClient(Factory, await ServiceTokenAsync(Factory, AdminPasskeyFixture.UsersScope, AdminPasskeyFixture.DeskClient, AdminPasskeyFixture.DeskSecret));
        using var anonymous = ApiClient(Factory, accessToken: null);
        using var scopeless = ApiClient(Factory, await ServiceTokenAsync(Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        using var onAdministrator = await desk.DeleteAsync($"{PasskeysPath(administrator.Id)}/{adminPasskey}");
        using var readByDesk = await desk.GetAsync(PasskeysPath(administrator.Id));
        using var byAnonymous = await anonymous.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");
        using var byScopeless = await scopeless.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");
        using var listByScopeless = await scopeless.GetAsync(PasskeysPath(user.Id));
        using var onUser = await desk.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");

        Assert.Equal(HttpStatusCode.Forbidden, onAdministrator.StatusCode);
        Assert.Equal(NotOnAdministrator, (await onAdministrator.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, readByDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byScopeless.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listByScopeless.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, onUser.StatusCode);
        Assert.Empty(await UserSteps.EventsAsync(Factory, administrator.Id, SecurityEventKinds.PasskeyRemoved));
        Assert.Equal(AdminPasskeyFixture.DeskClient, Assert.Single(await UserSteps.EventsAsync(Factory, user.Id, SecurityEventKinds.PasskeyRemoved)).ActorId);
    }

    [Fact]
    public async Task UsersList_APasskeyOnlyUser_HasTwoStepOn_UnlessThePolicyTurnsPasskeysOff()
    {
        var (withPasskey, _) = await PasskeyOnlyUserAsync(Factory);
        var without = await UserStories.CreateUserAsync(Factory);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var off = await AdminUsersPage.FilterAsync(client, UserListFilters.TwoStepOff, search: "@example.com");
        var all = await AdminUsersPage.FilterAsync(client, "", search: withPasskey.Email);

        Assert.DoesNotContain(withPasskey.Id, off.UserIds);
        Assert.Contains(without.Id, off.UserIds);
        Assert.Contains("On (devices: 0, passkeys: 1)", all.RowOf(withPasskey.Id));

        await WithPasskeysAsync(PasskeyUse.Off, async () =>
        {
            var offByPolicy = await AdminUsersPage.FilterAsync(client, UserListFilters.TwoStepOff, search: withPasskey.Email);
            Assert.Contains(withPasskey.Id, offByPolicy.UserIds);
            Assert.Contains("Off", offByPolicy.RowOf(withPasskey.Id));
        });
    }

    [Fact]
    public async Task Dashboard_CountsAPasskeyAsTwoStepOn_AndNotInAGracePeriod()
    {
        var user = await UserStories.CreateUserAsync(Factory, role: AdminPasskeyFixture.StaffRole);
        await Factory.UpdateUserAsync(user.Id, account => account.TwoStepGraceStartedAt = Factory.Clock.GetUtcNow().AddDays(-1));
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var before = await AdminHomePage.OpenAsync(client);

        await AddPasskeyAsync(Factory, user.Id);
        var after = await AdminHomePage.OpenAsync(client);

        Assert.Equal(before.Number("with-device") + 1, after.Number("with-device"));
        Assert.Equal(before.Number("two-step-off") - 1, after.Number("two-step-off"));
        Assert.Equal(before.Number("in-grace") - 1, after.Number("in-grace"));
        Assert.Equal(before.AdoptionByRole[AdminPasskeyFixture.StaffRole].WithDevice + 1, after.AdoptionByRole[AdminPasskeyFixture.StaffRole].WithDevice);
        Assert.DoesNotContain(user.Id, (await after.FollowNumberAsync("two-step-off").As<AdminUsersPage>()).UserIds);
        Assert.DoesNotContain(user.Id, (await after.FollowNumberAsync("in-grace").As<AdminUsersPage>()).UserIds);
    }

    [Fact]
    public async Task SecurityLog_SaysThePasskeyEventsAndSignInsInWords()
    {
        var (user, passkeyId) = await PasskeyOnlyUserAsync(Factory);
        using var http = await ServiceApiClientAsync(Factory);
        using var removed = await http.DeleteAsync($"{PasskeysPath(user.Id)}/{passkeyId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await LogSignInAsync(user.Id, ["pwd", "hwk", "mfa"]);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await LogSignInAsync(user.Id, ["hwk", "user", "mfa"]);
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var log = await AdminSecurityLogPage.FilterAsync(client, user: user.Id);

        Assert.Equal("Passkey added", Assert.Single(log.Rows, row => row.Kind == SecurityEventKinds.PasskeyAdded).Event);
        Assert.Equal("Passkey removed", Assert.Single(log.Rows, row => row.Kind == SecurityEventKinds.PasskeyRemoved).Event);
        Assert.Equal(["Signed in with a passkey, without a password", "Signed in with a passkey as the second step"],
            log.Rows.Where(row => row.Kind == SecurityEventKinds.SignInSucceeded).Select(row => row.Event));
    }

    /// <summary>Runs <paramref name="check"/> with the policy's passkey choice set to <paramref name="use"/>, then puts the policy back.</summary>
    private async Task WithPasskeysAsync(PasskeyUse use, Func<Task> check)
    {
        using var http = await ServiceApiClientAsync(Factory);
        var current = (await http.GetFromJsonAsync<PolicyEndpoints.PolicyDocument>("/api/admin/policy"))!;
        using var changed = await http.PutAsJsonAsync("/api/admin/policy", new PolicyEndpoints.PolicyDocument(null, current.Policy with { Passkeys = use }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        try
        {
            await check();
        }
        finally
        {
            using var restored = await http.PutAsJsonAsync("/api/admin/policy", new PolicyEndpoints.PolicyDocument(null, current.Policy));
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    private Task LogSignInAsync(string userId, string[] methods) =>
        Factory.WithServiceAsync<SecurityLog, int>(async log =>
        {
            await log.WriteAsync(SecurityEventKinds.SignInSucceeded, userId, detail: "admin passkey test", methods: methods);
            return 0;
        });

    private Task<List<Data.Entities.OutboxMail>> MailsAsync(string userId, string kind) =>
        Factory.QueryAsync(db => db.OutboxMails.Where(mail => mail.UserId == userId && mail.Kind == kind).ToListAsync());
}
