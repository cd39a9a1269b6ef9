using System.Net;
using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A refused way into the admin area says why and what to do: a new operator's administrator without a device is sent
/// to add one, a session without a one-time password or with an old one to sign in again, anyone else back.
/// </summary>
public sealed class AdminEntryTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task AdminWithoutDevice_IsToldToAddOne_ThenSignInAgain()
    {
        var admin = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.Administrator);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, admin.Email, admin.Password).As<ManagePage>();

        var refused = await AccessDeniedPage.RefusalAsync(AdminHomePage.TryOpenAsync(client));

        Assert.Equal(new Sentence("AdminEntry.NoDevice").English, refused.AdminExplanation);
        Assert.True(refused.OffersToAddDevice);
        Assert.False(refused.OffersToSignOut);
        Assert.True(refused.OffersWayBack);
    }

    [Fact]
    public async Task AdminWhoseOtpStepWasSkipped_IsToldToSignInAgain()
    {
        var admin = await UserStories.CreateUserAsync(Factory, role: ProviderRoles.Administrator);
        await UserStories.EnrolTotpAsync(Factory, admin.Id);
        var suspended = await Factory.WithServiceAsync<UserTwoStepAdministration, ChangeResult>(
            administration => administration.SuspendAsync(admin.Id, 3, "lost phone", new AdminActor("another-admin", AdminRights.Everything)));
        Assert.True(suspended.Succeeded);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, admin.Email, admin.Password).As<ManagePage>();

        var refused = await AccessDeniedPage.RefusalAsync(AdminHomePage.TryOpenAsync(client));

        Assert.Equal(new Sentence("AdminEntry.PasswordOnly").English, refused.AdminExplanation);
        Assert.True(refused.OffersToSignOut);
        Assert.False(refused.OffersToAddDevice);
    }

    [Fact]
    public async Task AdminWhoseOtpIsOlderThanTheEntryWindow_IsToldToSignInAgain()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        await AdminHomePage.OpenAsync(client);

        // The session cookie slides (10 hours from each request); the one-time password's moment does not.
        Factory.Clock.Advance(TimeSpan.FromHours(7));
        await ManagePage.OpenAsync(client);
        Factory.Clock.Advance(TimeSpan.FromHours(6));
        var refused = await AccessDeniedPage.RefusalAsync(AdminHomePage.TryOpenAsync(client));

        Assert.Equal(new Sentence("AdminEntry.SecondStepOld", 12d).English, refused.AdminExplanation);
        Assert.True(refused.OffersToSignOut);
    }

    [Fact]
    public async Task UserWithoutAdminRole_IsToldTheAccountHasNoRight_AndOnlyTheWayBack()
    {
        var (_, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;

        var refused = await AccessDeniedPage.RefusalAsync(AdminHomePage.TryOpenAsync(client));

        Assert.Equal(new Sentence("AdminEntry.NotAdministrator").English, refused.AdminExplanation);
        Assert.False(refused.OffersToAddDevice);
        Assert.False(refused.OffersToSignOut);
        Assert.True(refused.OffersWayBack);
    }

    [Fact]
    public async Task UserManagerOnAnAdministratorsPage_IsToldItIsTheAdministrators()
    {
        var (managerClient, _) = await UserStories.SignedInUserManagerAsync(fixture);
        using var client = managerClient;

        var refused = await AccessDeniedPage.RefusalAsync(AdminPolicyPage.TryOpenAsync(client));

        Assert.Equal(new Sentence("AdminEntry.AdministratorsOnly").English, refused.AdminExplanation);
        Assert.False(refused.OffersToSignOut);
        Assert.True(refused.OffersWayBack);
    }

    [Fact]
    public async Task AccessDeniedOpenedDirectly_KeepsTheGeneralText()
    {
        var (_, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;

        var page = await AccessDeniedPage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.Forbidden, page.Page.Status);
        Assert.Equal("", page.AdminExplanation);
    }
}
