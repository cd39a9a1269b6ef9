using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The user pages of the admin area need the admin role and a session that passed both steps.</summary>
public sealed class AdminAccessTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task UserPages_Anonymous_SendToThePasswordPage()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();

        await AdminUsersPage.OpenAsync(client).As<LoginPage>();
        await AdminUserTwoStepPage.TryOpenAsync(client, user.Id).As<LoginPage>();
    }

    [Fact]
    public async Task UserPages_AliceWithPasswordOnly_AreRefused()
    {
        // Alice has the admin role but no device in this provider: her session proves the password alone.
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "alice@example.com", TestData.AlicePassword).As<ManagePage>();
        var target = await UserStories.CreateUserAsync(Factory);

        AssertRefused(await AdminUsersPage.OpenAsync(client));
        AssertRefused(await AdminUserTwoStepPage.TryOpenAsync(client, target.Id));
    }

    [Fact]
    public async Task UserPages_Bob_AreRefused()
    {
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword).As<ManagePage>();

        AssertRefused(await AdminUsersPage.OpenAsync(client));
    }

    [Fact]
    public async Task UserPages_UserWithoutAdminRoleButBothSteps_AreRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        AssertRefused(await AdminUsersPage.OpenAsync(client));
        AssertRefused(await AdminUserTwoStepPage.TryOpenAsync(client, user.Id));
    }

    [Fact]
    public async Task UserPages_AdminWithBothSteps_AreOpenAndSearchByEmail()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var target = await UserStories.CreateUserAsync(Factory);

        var all = await AdminUsersPage.OpenAsync(client).As<AdminUsersPage>();
        Assert.Contains(all.UserRows, row => row.Contains("alice@example.com"));

        var found = await AdminUsersPage.SearchAsync(client, target.Email[..12].ToUpperInvariant());
        Assert.Equal(target.Id, Assert.Single(found.UserIds));
        var tab = await found.OpenUserAsync(target.Id);
        Assert.Contains(target.Email, tab.UserEmail);

        var none = await AdminUsersPage.SearchAsync(client, "nobody-has-this-address");
        Assert.Empty(none.UserIds);
        Assert.Contains("No user", none.Message);
        Assert.NotEqual(admin.Id, target.Id);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(3000)]
    public async Task UserSearch_WithLongGarbage_AnswersWithAMessage(int length)
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var garbage = string.Concat(Enumerable.Range(0, length).Select(i => (char)('%' + (i * 13 % 80))));

        var page = await AdminUsersPage.SearchAsync(client, garbage);

        Assert.NotEmpty(page.Message);
    }

    [Fact]
    public async Task TwoStepTab_OfUnknownUser_IsNotFound()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var response = await client.Http.GetAsync(AdminUserTwoStepPage.PathFor(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertRefused(ProviderPage page)
    {
        Assert.True(page.Status == HttpStatusCode.Forbidden, $"{page.Uri} answered {(int)page.Status}: {page.Text.Trim()}");
        Assert.Empty(page.Document.QuerySelectorAll("#users, form#suspend, form#generate-codes"));
    }
}
