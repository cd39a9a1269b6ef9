using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// The administrator's tokens tab of a user: an administrator (admin role, two-step session) sees a user's tokens
/// without secrets and sets the override allow / deny / follow, each change logged with the administrator as actor.
/// </summary>
public class AdminTokenPermissionTests(TokensOffFixture provider) : IClassFixture<TokensOffFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task AdminPage_ListsTokensWithoutSecretsOrHashes()
    {
        var (admin, _) = await UserStories.SignedInAdminAsync(provider);
        using var _ = admin;
        var user = await AllowedUserAsync();
        var active = await TokenSteps.IssueAsync(Factory, user.Id, label: "active");
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id, label: "revoked");
        await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id);

        var page = await AdminUserTokensPage.OpenAsync(admin, user.Id);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(user.Email, page.Text);
        Assert.Contains("Active", page.RowOf(active.Id));
        Assert.Contains("Revoked", page.RowOf(revoked.Id));
        foreach (var token in new[] { active, revoked })
        {
            var stored = await TokenSteps.ReadAsync(Factory, token.Id);
            Assert.DoesNotContain(token.Secret[8..], page.Page.Body);
            Assert.DoesNotContain(Convert.ToHexString(stored.Hash), page.Page.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(stored.Hash), page.Page.Body);
        }

        page.AssertEveryInputHasLabel();
    }

    [Fact]
    public async Task AdminPage_SetDenyThenFollowThenAllow_ChangesAccessAndLogsTheAdministrator()
    {
        var (admin, adminUser) = await UserStories.SignedInAdminAsync(provider);
        using var _ = admin;
        var user = await AllowedUserAsync();
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        var page = await AdminUserTokensPage.OpenAsync(admin, user.Id);
        Assert.Equal(AdminUserTokensPage.Allow, page.CheckedChoice);

        var saved = await page.ChooseAsync(AdminUserTokensPage.Deny);

        Assert.Contains("now denied", saved.Text);
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Error);

        page = await saved.As<AdminUserTokensPage>().ChooseAsync(AdminUserTokensPage.Follow).As<AdminUserTokensPage>();

        Assert.Equal(AdminUserTokensPage.Follow, page.CheckedChoice);
        // This fixture's provider setting is off, so following it still denies.
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Error);

        saved = await page.ChooseAsync(AdminUserTokensPage.Allow);

        Assert.Contains("now allowed", saved.Text);
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Status);
        var changes = (await Factory.SecurityEventsAsync(user.Id))
            .Where(row => row.Kind == SecurityEventKinds.TokenPermissionChanged).ToList();
        Assert.Equal(["allow -> deny", "deny -> follow", "follow -> allow"], changes.Select(row => row.Detail![(row.Detail!.IndexOf(':') + 2)..]));
        Assert.All(changes, row => Assert.Equal(adminUser.Id, row.ActorId));
    }

    [Fact]
    public async Task AdminPage_UnknownChoice_IsRefusedAndChangesNothing()
    {
        var (admin, _) = await UserStories.SignedInAdminAsync(provider);
        using var _ = admin;
        var user = await AllowedUserAsync();
        var page = await AdminUserTokensPage.OpenAsync(admin, user.Id);

        var refused = await page.ChooseAsync("maybe");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Choose allow, deny, or follow", refused.As<AdminUserTokensPage>().Alerts);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenPermissionChanged);
    }

    [Fact]
    public async Task AdminPage_UnknownUser_IsNotFound()
    {
        var (admin, _) = await UserStories.SignedInAdminAsync(provider);
        using var _ = admin;

        var page = await AdminUserTokensPage.TryOpenAsync(admin, "no-such-user");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task AdminPage_UserWithoutAdminRole_IsRefused()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await AdminUserTokensPage.TryOpenAsync(client, user.Id);

        Assert.False(AdminUserTokensPage.IsAt(page.Uri.AbsolutePath), $"A user without the admin role stayed on {page.Uri}");
        Assert.DoesNotContain("Sign-in by token", page.Text);
    }

    /// <summary>A user the (off) provider setting would deny, allowed by override so tokens can be issued.</summary>
    private async Task<TestUser> AllowedUserAsync()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);
        return user;
    }
}
