using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Profiles;

/// <summary>
/// <c>/Manage/Profile</c>: the user edits the name, given and family name and phone number; the phone number is normalised and
/// unverified, a bad one is refused on the form, every change is logged and moves <c>updated_at</c>.
/// </summary>
public sealed class ProfilePageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task EditProfile_SavesTheFields_LogsTheChange_AndTheClaimsFollow()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var browser = client;
        var profile = await (await ManagePage.OpenAsync(browser)).As<ManagePage>().OpenProfileAsync();
        profile.AssertEveryInputHasLabel();
        Factory.Clock.Advance(TimeSpan.FromHours(3));

        var account = await profile.SaveAsync(name: "Anja Kowalczyk", givenName: " Anja ", familyName: "Kowalczyk", phoneNumber: "+48 22 123-45-67").As<ManagePage>();

        Assert.Contains("Your profile was saved.", account.StatusMessage);
        Assert.Equal("Anja Kowalczyk", account.ProfileName);
        Assert.Equal("+48221234567", account.ProfilePhone);
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.Equal(("Anja", "Kowalczyk", "+48221234567", false), (stored.GivenName, stored.FamilyName, stored.PhoneNumber, stored.PhoneNumberConfirmed));
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), stored.ProfileUpdatedAt?.ToUnixTimeSeconds());
        var logged = Assert.Single(await Factory.SecurityEventsOfKindAsync(SecurityEventKinds.ProfileChanged), row => row.UserId == user.Id);
        Assert.Null(logged.ActorId);
        Assert.Equal("changed: name; given name; family name; phone number", logged.Detail);
        Assert.DoesNotContain("1234567", logged.Detail);

        // What relying parties get from now on.
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, "openid profile phone");
        var tokens = await UserStories.ExchangeCodeAsync(browser, request, await browser.GetAsync(request.ToUrl()));
        var idToken = Payload(tokens.IdTokenJwt);
        Assert.Equal("Anja", idToken.GetProperty("given_name").GetString());
        Assert.Equal("+48221234567", idToken.GetProperty("phone_number").GetString());
        Assert.False(idToken.GetProperty("phone_number_verified").GetBoolean());
        Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), idToken.GetProperty("updated_at").GetInt64());
    }

    [Fact]
    public async Task ChangingAVerifiedNumber_MakesItUnverified_AndTheUserCannotVerifyIt()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var browser = client;
        await Factory.UpdateUserAsync(user.Id, stored => (stored.PhoneNumber, stored.PhoneNumberConfirmed) = ("+4930111222", true));
        var profile = await ProfilePage.OpenAsync(browser);
        Assert.Equal("This number is verified.", profile.PhoneState);

        await profile.SaveClaimingVerifiedAsync("+49 30 111 333").As<ManagePage>();

        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.Equal(("+4930111333", false), (stored.PhoneNumber, stored.PhoneNumberConfirmed));
        Assert.Equal("This number is not verified.", (await ProfilePage.OpenAsync(browser)).PhoneState);
    }

    [Theory]
    [InlineData("12ab3456789")]
    [InlineData("+49 30 12")]
    [InlineData("+1234567890123456")]
    [InlineData("++4930111222")]
    [InlineData("(030) 111222")]
    public async Task BadPhoneNumber_IsRefusedWithAFormMessage_AndNothingChanges(string phoneNumber)
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var browser = client;
        var before = await Factory.ReadUserAsync(user.Id);

        var page = await (await ProfilePage.OpenAsync(browser)).SaveAsync(givenName: "Ola", phoneNumber: phoneNumber).As<ProfilePage>();

        Assert.Contains("Enter the phone number as an optional + and 7 to 15 digits", page.Alerts);
        Assert.Equal(phoneNumber, page.PhoneNumber);
        var after = await Factory.ReadUserAsync(user.Id);
        Assert.Equal((before.GivenName, before.PhoneNumber, before.ProfileUpdatedAt), (after.GivenName, after.PhoneNumber, after.ProfileUpdatedAt));
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.ProfileChanged);
    }

    [Theory]
    [InlineData("", null, "Enter the name.")]
    [InlineData("Ola Berg", "Ola\u202E", "The given name cannot contain control characters or invisible characters.")]
    [InlineData("Ola Berg", null, "The family name can have at most 100 characters.")]
    public async Task BadNames_AreRefusedWithAFormMessage(string name, string? givenName, string message)
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var browser = client;

        var page = await (await ProfilePage.OpenAsync(browser)).SaveAsync(name: name, givenName: givenName, familyName: message.Contains("family") ? new string('b', 101) : null)
            .As<ProfilePage>();

        Assert.Contains(message, page.Alerts);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).ProfileUpdatedAt);
    }

    [Fact]
    public async Task SavedUnchanged_SaysSo_AndNeitherLogsNorMovesUpdatedAt()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var browser = client;

        var account = await (await ProfilePage.OpenAsync(browser)).SaveAsync().As<ManagePage>();

        Assert.Contains("Nothing changed.", account.StatusMessage);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).ProfileUpdatedAt);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.ProfileChanged);
    }
}
