using System.Net;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Accounts;

/// <summary>The sign-in page's HTML contract and how it refuses bad input: with a message, never with a 500.</summary>
public class SignInPageTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static readonly string LongEmail = new string('a', 300 - "@example.com".Length) + "@example.com";
    private static readonly string LongPassword = new('p', 5_000);

    [Fact]
    public async Task LoginPage_Html_HasAutocompleteAndLabelForEveryInput()
    {
        using var client = provider.CreateClient();

        var page = await client.GetAsync(AccountSteps.LoginPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("username", AccountSteps.Input(page, "Input.Email").GetAttribute("autocomplete"));
        var password = AccountSteps.Input(page, "Input.Password");
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.Equal("password", password.GetAttribute("type"));
        AccountSteps.AssertEveryInputHasLabel(page);
    }

    [Theory]
    [InlineData("long e-mail")]
    [InlineData("long password")]
    [InlineData("both long")]
    public async Task SignIn_OverLongFields_RefusedWithMessage_Status200(string which)
    {
        using var client = provider.CreateClient();
        var (email, password) = which switch
        {
            "long e-mail" => (LongEmail, TestData.AlicePassword),
            "long password" => ("alice@example.com", LongPassword),
            _ => (LongEmail, LongPassword),
        };
        Assert.Equal(300, LongEmail.Length);

        var page = await AccountSteps.SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
        Assert.NotEmpty(AccountSteps.AlertText(page));
        var manage = await client.GetAsync(AccountSteps.ManagePath);
        Assert.Equal(AccountSteps.LoginPath, manage.Uri.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_OverLongFields_NamesTheFieldsThatAreTooLong()
    {
        using var client = provider.CreateClient();

        var page = await AccountSteps.SignInAsync(client, LongEmail, LongPassword);

        var message = AccountSteps.AlertText(page);
        Assert.Contains("e-mail", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        // The over-long values are not echoed back into the form (no reflection of a 5,000-character value).
        Assert.DoesNotContain(LongPassword, page.Body);
    }

    [Fact]
    public async Task SignIn_EmptyFields_MessageForEachField()
    {
        using var client = provider.CreateClient();

        var page = await AccountSteps.SignInAsync(client, "", "");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
        var message = AccountSteps.AlertText(page);
        Assert.Contains("e-mail", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        var items = page.Document.QuerySelectorAll("[role=alert] li").Where(item => item.TextContent.Trim().Length > 0).ToList();
        Assert.True(items.Count >= 2, $"Expected one message per empty field, got: {message}");
    }

    [Fact]
    public async Task ChangePassword_OverLongNewPassword_RefusedWithMessage_Status200()
    {
        using var client = provider.CreateClient();
        await AccountSteps.SignInAsync(client, "bob@example.com", TestData.BobPassword);
        var form = await client.GetAsync(AccountSteps.ChangePasswordPath);

        var page = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestData.BobPassword,
            ["Input.NewPassword"] = LongPassword,
            ["Input.ConfirmPassword"] = LongPassword,
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(AccountSteps.ChangePasswordPath, page.Uri.AbsolutePath);
        Assert.Contains("password", AccountSteps.AlertText(page), StringComparison.OrdinalIgnoreCase);
        // Not changed: Bob's password still works.
        using var other = provider.CreateClient();
        var signedIn = await AccountSteps.SignInAsync(other, "bob@example.com", TestData.BobPassword);
        Assert.Equal(AccountSteps.ManagePath, signedIn.Uri.AbsolutePath);
    }
}
