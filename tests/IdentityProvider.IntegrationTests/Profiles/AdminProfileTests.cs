using System.Net;
using System.Text.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Admin.UserSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Profiles;

/// <summary>
/// An administrator edits a user's names and phone number on the user's admin page and through the admin API, by the account
/// page's rules: a changed number is unverified until the administrator marks it verified; each change moves <c>updated_at</c>.
/// </summary>
public sealed class AdminProfileTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task AdminPage_EditsNamesAndPhone_AChangedNumberIsUnverified_UntilTheAdministratorVerifiesIt()
    {
        var (client, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var browser = client;
        var user = await UserStories.CreateUserAsync(Factory);
        var page = await AdminUserPage.OpenAsync(browser, user.Id);
        page.AssertEveryInputHasLabel();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        // The box is ticked while the number changes: the new number is still saved unverified.
        var saved = await page.SaveAsync(givenName: "Jonas", familyName: "Eriksen", phoneNumber: "+47 22 33 44 55", phoneNumberVerified: true).As<AdminUserPage>();

        Assert.Contains("The changes were saved.", saved.StatusMessage);
        Assert.Equal(("Jonas", "Eriksen", "+4722334455", false), (saved.GivenName, saved.FamilyName, saved.PhoneNumber, saved.PhoneNumberVerified));
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.False(stored.PhoneNumberConfirmed);
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), stored.ProfileUpdatedAt?.ToUnixTimeSeconds());

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var verified = await saved.SaveAsync(phoneNumberVerified: true).As<AdminUserPage>();

        Assert.True(verified.PhoneNumberVerified);
        stored = await Factory.ReadUserAsync(user.Id);
        Assert.True(stored.PhoneNumberConfirmed);
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), stored.ProfileUpdatedAt?.ToUnixTimeSeconds());
        var logged = await EventsAsync(Factory, user.Id, SecurityEventKinds.UserUpdated);
        Assert.Equal(["changed: given name; family name; phone number", "changed: phone number verified"], logged.Select(row => row.Detail));
        Assert.All(logged, row => Assert.Equal(admin.Id, row.ActorId));
    }

    [Fact]
    public async Task AdminPage_BadPhoneNumber_IsRefusedWithAFormMessage()
    {
        using var browser = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var user = await UserStories.CreateUserAsync(Factory);

        var page = await (await AdminUserPage.OpenAsync(browser, user.Id)).SaveAsync(givenName: "Jonas", phoneNumber: "22-33").As<AdminUserPage>();

        Assert.Contains("Enter the phone number as an optional + and 7 to 15 digits", page.Alerts);
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.Equal((null, null, null), (stored.GivenName, stored.PhoneNumber, stored.ProfileUpdatedAt));
    }

    [Fact]
    public async Task AdminApi_ChangesAndVerifiesInOneRequest_ClearsWithEmptyFields_AndRefusesABadNumber()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using var api = await ServiceApiClientAsync(Factory);

        var changed = await PatchOkAsync(api, user.Id, new { givenName = "Jonas", familyName = "Eriksen", phoneNumber = "+47 22 33 44 55", phoneNumberVerified = true });

        Assert.Equal("Jonas", changed.GetProperty("givenName").GetString());
        Assert.Equal("Eriksen", changed.GetProperty("familyName").GetString());
        Assert.Equal("+4722334455", changed.GetProperty("phoneNumber").GetString());
        Assert.True(changed.GetProperty("phoneNumberVerified").GetBoolean());
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), changed.GetProperty("profileUpdatedAt").GetDateTimeOffset().ToUnixTimeSeconds());

        var renumbered = await PatchOkAsync(api, user.Id, new { phoneNumber = "+47 22 33 44 66" });
        Assert.False(renumbered.GetProperty("phoneNumberVerified").GetBoolean());
        Assert.Equal("Jonas", renumbered.GetProperty("givenName").GetString());

        var cleared = await PatchOkAsync(api, user.Id, new { givenName = "", phoneNumber = "" });
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("givenName").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("phoneNumber").ValueKind);
        Assert.Equal("Eriksen", cleared.GetProperty("familyName").GetString());

        using var refused = await PatchJsonAsync(api, UserApi(user.Id), new { phoneNumber = "call me", familyName = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Contains("Enter the phone number as an optional + and 7 to 15 digits", Assert.Single(ClientStories.FieldErrors(problem, "phoneNumber")));
        Assert.Equal(["The family name can have at most 100 characters."], ClientStories.FieldErrors(problem, "familyName"));
        Assert.Equal("Eriksen", (await Factory.ReadUserAsync(user.Id)).FamilyName);
    }

    [Fact]
    public async Task AdminApi_ChangingTheEmailAddress_MovesUpdatedAt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        using var api = await ServiceApiClientAsync(Factory);

        var changed = await PatchOkAsync(api, user.Id, new { email = $"moved-{Guid.NewGuid():N}@example.com" });

        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), changed.GetProperty("profileUpdatedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), (await Factory.ReadUserAsync(user.Id)).ProfileUpdatedAt?.ToUnixTimeSeconds());
    }

    private static async Task<JsonElement> PatchOkAsync(HttpClient api, string userId, object body)
    {
        using var response = await PatchJsonAsync(api, UserApi(userId), body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {json}");
        return json;
    }
}
