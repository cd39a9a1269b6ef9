using System.Net;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Accounts;

/// <summary>/Manage, the account page: only for a signed-in user, showing that user's profile.</summary>
public class AccountPageTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        using var client = provider.CreateClient();

        var page = await client.GetAsync(AccountSteps.ManagePath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
        Assert.Contains("ReturnUrl=%2FManage", page.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alice Example", page.Text);
    }

    [Fact]
    public async Task AccountPage_SignedIn_ShowsOwnNameAndEmail()
    {
        using var client = provider.CreateClient();
        await AccountSteps.SignInAsync(client, "alice@example.com", TestData.AlicePassword);

        var page = await client.GetAsync(AccountSteps.ManagePath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(AccountSteps.ManagePath, page.Uri.AbsolutePath);
        Assert.Contains("Alice Example", page.Text);
        Assert.Contains("alice@example.com", page.Text);
        Assert.DoesNotContain("bob@example.com", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/Manage/ChangePassword']"));
    }

    [Fact]
    public async Task AccountPage_AfterAnonymousRedirect_SignInReturnsToAccountPage()
    {
        using var client = provider.CreateClient();
        var login = await client.GetAsync(AccountSteps.ManagePath);

        var page = await SignInSteps.SubmitPasswordAsync(client, login, "bob@example.com", TestData.BobPassword);

        Assert.Equal(AccountSteps.ManagePath, page.Uri.AbsolutePath);
        Assert.Contains("Bob Example", page.Text);
        Assert.Contains("bob@example.com", page.Text);
    }

    [Fact]
    public async Task AccountPage_AfterSignOut_RedirectsToLogin()
    {
        using var client = provider.CreateClient();
        await AccountSteps.SignInAsync(client, "alice@example.com", TestData.AlicePassword);
        var confirm = await client.GetAsync("/Account/Logout");

        await client.SubmitAsync(confirm);
        var page = await client.GetAsync(AccountSteps.ManagePath);

        Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
    }
}
