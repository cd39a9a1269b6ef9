using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Email;

public sealed class AdminMailedLinkFixture : MailProviderFixture;

/// <summary>An administrator creates a user without a password and has the one-time set-password link mailed, not shown.</summary>
public class AdminMailedLinkTests(AdminMailedLinkFixture provider) : IClassFixture<AdminMailedLinkFixture>
{
    [Fact]
    public async Task CreateUser_LinkMailed_NotShown_UserSetsPasswordWithIt()
    {
        var (admin, _) = await UserStories.SignedInAdminAsync(provider);
        var email = $"mailed-{Guid.NewGuid():N}@example.com";

        var created = await (await AdminCreateUserPage.OpenAsync(admin)).CreateUserWithMailedLinkAsync(email, "Mailed User");
        Assert.DoesNotContain("set-password-link", created.Body);
        Assert.Contains("e-mailed", created.Text);

        var mail = (await provider.Mail.WaitForAsync(email, message => (message.Subject ?? "").StartsWith("Set your", StringComparison.Ordinal)))[0];
        var link = mail.LinkStartingWith("http");
        using var user = provider.CreateClient();
        var page = await SetPasswordPage.OpenAsync(user, link);
        Assert.True((await page.SetPasswordAsync("mailed-link-password")).SaysPasswordSet);
        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), email, "mailed-link-password")).As<ManagePage>();
    }

    [Fact]
    public async Task ExistingUser_PasswordPage_EmailLink_OldPasswordStops_LinkArrives()
    {
        var (admin, _) = await UserStories.SignedInAdminAsync(provider);
        var user = await UserStories.CreateUserAsync(provider.Factory);

        var answer = await (await AdminUserPasswordPage.OpenAsync(admin, user.Id)).EmailLinkAsync();
        Assert.Contains("e-mailed", answer.Text);

        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, user.Password)).As<LoginPage>();
        var mail = (await provider.Mail.WaitForAsync(user.Email, message => (message.Subject ?? "").StartsWith("Set your", StringComparison.Ordinal)))[0];
        Assert.Contains("http", mail.LinkStartingWith("http"));
    }
}
