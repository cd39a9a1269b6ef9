using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.Accounts;
using IdentityProvider.IntegrationTests.TwoStep;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// /admin/users/{id}/tokens: an administrator (admin role, two-step session) sees a user's tokens without
/// secrets and sets the override allow / deny / follow, each change logged with the administrator as actor.
/// </summary>
public class AdminTokenPermissionTests(TokensOffFixture provider) : IClassFixture<TokensOffFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task AdminPage_ListsTokensWithoutSecretsOrHashes()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var user = await AllowedUserAsync();
        var active = await TokenSteps.IssueAsync(Factory, user.Id, label: "active");
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id, label: "revoked");
        await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id);

        var page = await admin.GetAsync(PagePath(user.Id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(user.Email, page.Text);
        Assert.Contains("Active", page.Document.QuerySelector($"tr[data-token-id='{active.Id}']")!.TextContent);
        Assert.Contains("Revoked", page.Document.QuerySelector($"tr[data-token-id='{revoked.Id}']")!.TextContent);
        foreach (var token in new[] { active, revoked })
        {
            var stored = await TokenSteps.ReadAsync(Factory, token.Id);
            Assert.DoesNotContain(token.Secret[8..], page.Body);
            Assert.DoesNotContain(Convert.ToHexString(stored.Hash), page.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(stored.Hash), page.Body);
        }

        AccountSteps.AssertEveryInputHasLabel(page);
    }

    [Fact]
    public async Task AdminPage_SetDenyThenFollowThenAllow_ChangesAccessAndLogsTheAdministrator()
    {
        var (adminUser, admin) = await AdminAsync();
        using var _ = admin;
        var user = await AllowedUserAsync();
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        var page = await admin.GetAsync(PagePath(user.Id));
        Assert.True(page.Document.QuerySelector("#choice-allow")!.HasAttribute("checked"));

        page = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Choice"] = "deny" }, formSelector: "form#permission");

        Assert.Contains("now denied", page.Text);
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Error);

        page = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Choice"] = "follow" }, formSelector: "form#permission");

        Assert.True(page.Document.QuerySelector("#choice-follow")!.HasAttribute("checked"));
        // This fixture's provider setting is off, so following it still denies.
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Error);

        page = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Choice"] = "allow" }, formSelector: "form#permission");

        Assert.Contains("now allowed", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(admin.Http, token.Secret)).Status);
        var changes = (await TwoStepSteps.SecurityEventsAsync(Factory, user.Id))
            .Where(row => row.Kind == SecurityEventKinds.TokenPermissionChanged).ToList();
        Assert.Equal(["allow -> deny", "deny -> follow", "follow -> allow"], changes.Select(row => row.Detail![(row.Detail!.IndexOf(':') + 2)..]));
        Assert.All(changes, row => Assert.Equal(adminUser.Id, row.ActorId));
    }

    [Fact]
    public async Task AdminPage_UnknownChoice_IsRefusedAndChangesNothing()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var user = await AllowedUserAsync();
        var page = await admin.GetAsync(PagePath(user.Id));

        page = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Choice"] = "maybe" }, formSelector: "form#permission");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choose allow, deny, or follow", AccountSteps.AlertText(page));
        Assert.DoesNotContain(await TwoStepSteps.SecurityEventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TokenPermissionChanged);
    }

    [Fact]
    public async Task AdminPage_UnknownUser_IsNotFound()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;

        var page = await admin.GetAsync(PagePath("no-such-user"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task AdminPage_UserWithoutAdminRole_IsRefused()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await client.GetAsync(PagePath(user.Id));

        Assert.NotEqual(PagePath(user.Id), page.Uri.AbsolutePath);
        Assert.DoesNotContain("Sign-in by token", page.Text);
    }

    private static string PagePath(string userId) => $"/admin/users/{userId}/tokens";

    /// <summary>A user the (off) provider setting would deny, allowed by override so tokens can be issued.</summary>
    private async Task<TestUser> AllowedUserAsync()
    {
        var user = await TwoStepSteps.CreateUserAsync(Factory);
        await TokenSteps.UpdateUserAsync(Factory, user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);
        return user;
    }

    /// <summary>An administrator signed in with both steps, as the admin area demands.</summary>
    private async Task<(TestUser User, ProviderClient Client)> AdminAsync()
    {
        var admin = await TwoStepSteps.CreateUserAsync(Factory, "admin");
        var device = await TwoStepSteps.EnrolTotpAsync(Factory, admin.Id);
        var client = provider.CreateClient();
        var otpPage = await AccountSteps.SignInAsync(client, admin.Email, admin.Password);
        TwoStepSteps.AssertOtpPage(otpPage);
        await TwoStepSteps.SubmitCodeAsync(client, otpPage, device.TotpNow(Factory.Clock));
        return (admin, client);
    }
}
