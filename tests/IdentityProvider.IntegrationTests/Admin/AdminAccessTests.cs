using System.Net;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.Admin.AdminSteps;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The user pages of the admin area need the admin role and a session that passed both steps.</summary>
public sealed class AdminAccessTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task UserPages_Anonymous_SendToThePasswordPage()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();

        AssertOn(await client.GetAsync(UsersPath), LoginPath);
        AssertOn(await client.GetAsync(TwoStepPath(user.Id)), LoginPath);
    }

    [Fact]
    public async Task UserPages_AliceWithPasswordOnly_AreRefused()
    {
        // Alice has the admin role but no device in this provider: her session proves the password alone.
        using var client = fixture.CreateClient();
        var account = await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), "alice@example.com", TestData.AlicePassword);
        AssertOn(account, "/Manage");
        var target = await CreateUserAsync(Factory);

        await AssertRefusedAsync(client, UsersPath);
        await AssertRefusedAsync(client, TwoStepPath(target.Id));
    }

    [Fact]
    public async Task UserPages_Bob_AreRefused()
    {
        using var client = fixture.CreateClient();
        AssertOn(await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), "bob@example.com", TestData.BobPassword), "/Manage");

        await AssertRefusedAsync(client, UsersPath);
    }

    [Fact]
    public async Task UserPages_UserWithoutAdminRoleButBothSteps_AreRefused()
    {
        var user = await CreateUserAsync(Factory);
        var device = await EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        AssertOn(await SignInWithOtpAsync(Factory, client, user, device), "/Manage");

        await AssertRefusedAsync(client, UsersPath);
        await AssertRefusedAsync(client, TwoStepPath(user.Id));
    }

    [Fact]
    public async Task UserPages_AdminWithBothSteps_AreOpenAndSearchByEmail()
    {
        var (adminClient, admin) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var target = await CreateUserAsync(Factory);

        var all = await client.GetAsync(UsersPath);
        AssertOn(all, UsersPath);
        Assert.Contains(all.Document.QuerySelectorAll("#users td"), cell => cell.TextContent.Contains("alice@example.com"));

        var found = await client.GetAsync(UsersPath + "?Email=" + Uri.EscapeDataString(target.Email[..12].ToUpperInvariant()));
        var row = Assert.Single(found.Document.QuerySelectorAll("#users tbody tr"));
        Assert.Equal(target.Id, row.GetAttribute("data-user-id"));
        var tab = await client.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        AssertOn(tab, TwoStepPath(target.Id));
        Assert.Contains(target.Email, tab.Document.QuerySelector("#user-email")!.TextContent);

        var none = await client.GetAsync(UsersPath + "?Email=nobody-has-this-address");
        Assert.Empty(none.Document.QuerySelectorAll("#users tbody tr"));
        Assert.Contains("No user", none.Document.QuerySelector("#users-message")!.TextContent);
        Assert.NotEqual(admin.Id, target.Id);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(3000)]
    public async Task UserSearch_WithLongGarbage_AnswersWithAMessage(int length)
    {
        using var client = (await SignedInAdminAsync(fixture)).Client;
        var garbage = string.Concat(Enumerable.Range(0, length).Select(i => (char)('%' + (i * 13 % 80))));

        var page = await client.GetAsync(UsersPath + "?Email=" + Uri.EscapeDataString(garbage));

        AssertOn(page, UsersPath);
        Assert.NotEmpty(page.Document.QuerySelector("#users-message")!.TextContent.Trim());
    }

    [Fact]
    public async Task TwoStepTab_OfUnknownUser_IsNotFound()
    {
        using var client = (await SignedInAdminAsync(fixture)).Client;

        var response = await client.Http.GetAsync(TwoStepPath(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertRefusedAsync(ProviderClient client, string path)
    {
        var page = await client.GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.Forbidden, $"{path} answered {(int)page.Status} at {page.Uri}: {page.Text.Trim()}");
        Assert.Empty(page.Document.QuerySelectorAll("#users, form#suspend, form#generate-codes"));
    }
}
