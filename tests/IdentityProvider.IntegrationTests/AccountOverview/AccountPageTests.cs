using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.AccountOverview;

/// <summary>/Manage, the account page: only for a signed-in user, showing that user's profile.</summary>
public class AccountPageTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        using var client = provider.CreateClient();

        var page = await ManagePage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.As<LoginPage>();
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(ManagePage.Path)}", page.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alice Example", page.Text);
    }

    [Fact]
    public async Task AccountPage_SignedIn_ShowsOwnNameAndEmail()
    {
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "alice@example.com", TestData.AlicePassword);

        var page = await ManagePage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var account = page.As<ManagePage>();
        Assert.Contains("Alice Example", account.Text);
        Assert.Contains("alice@example.com", account.Text);
        Assert.DoesNotContain("bob@example.com", account.Text);
        Assert.True(account.LinksToChangePassword);
    }

    [Fact]
    public async Task AccountPage_AfterAnonymousRedirect_SignInReturnsToAccountPage()
    {
        using var client = provider.CreateClient();
        var login = await ManagePage.OpenAsync(client).As<LoginPage>();

        var page = await login.SignInAsync("bob@example.com", TestData.BobPassword).As<ManagePage>();

        Assert.Contains("Bob Example", page.Text);
        Assert.Contains("bob@example.com", page.Text);
    }

    [Fact]
    public async Task AccountPage_AfterSignOut_RedirectsToLogin()
    {
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "alice@example.com", TestData.AlicePassword);
        var confirm = await LogoutPage.OpenAsync(client);

        await confirm.SignOutAsync();
        await ManagePage.OpenAsync(client).As<LoginPage>();
    }
}
