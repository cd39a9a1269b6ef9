using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Users;

/// <summary>The sign-in page's HTML contract and how it refuses bad input: with a message, never with a 500.</summary>
public class SignInPageTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static readonly string LongEmail = new string('a', 300 - "@example.com".Length) + "@example.com";
    private static readonly string LongPassword = new('p', 5_000);

    [Fact]
    public async Task LoginPage_Html_HasAutocompleteAndLabelForEveryInput()
    {
        using var client = provider.CreateClient();

        var page = await LoginPage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // "webauthn": the browser's passkeys are offered in the field's autofill (passwordless sign-in is on by default).
        Assert.Equal("username webauthn", page.EmailInput.GetAttribute("autocomplete"));
        var password = page.PasswordInput;
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.Equal("password", password.GetAttribute("type"));
        page.AssertEveryInputHasLabel();
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

        var answer = await UserStories.SignInWithPasswordAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var page = answer.As<LoginPage>();
        Assert.NotEmpty(page.Alerts);
        await ManagePage.OpenAsync(client).As<LoginPage>();
    }

    [Fact]
    public async Task SignIn_OverLongFields_NamesTheFieldsThatAreTooLong()
    {
        using var client = provider.CreateClient();

        var page = await UserStories.SignInWithPasswordAsync(client, LongEmail, LongPassword).As<LoginPage>();

        var message = page.Alerts;
        Assert.Contains("e-mail", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        // The over-long values are not echoed back into the form (no reflection of a 5,000-character value).
        Assert.DoesNotContain(LongPassword, page.Page.Body);
    }

    [Fact]
    public async Task SignIn_EmptyFields_MessageForEachField()
    {
        using var client = provider.CreateClient();

        var answer = await UserStories.SignInWithPasswordAsync(client, "", "");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var page = answer.As<LoginPage>();
        var message = page.Alerts;
        Assert.Contains("e-mail", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.AlertItems.Count >= 2, $"Expected one message per empty field, got: {message}");
    }

    [Fact]
    public async Task ChangePassword_OverLongNewPassword_RefusedWithMessage_Status200()
    {
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword);
        var form = await ChangePasswordPage.OpenAsync(client);

        var answer = await form.ChangeAsync(TestData.BobPassword, LongPassword);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var page = answer.As<ChangePasswordPage>();
        Assert.Contains("password", page.Alerts, StringComparison.OrdinalIgnoreCase);
        // Not changed: Bob's password still works.
        using var other = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(other, "bob@example.com", TestData.BobPassword).As<ManagePage>();
    }

    [Fact]
    public async Task LoginHint_FillsTheEmailField()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["login_hint"] = "known.person@example.com" });

        var login = await LoginPage.OpenAsync(client, request);

        Assert.Equal("known.person@example.com", login.EmailInput.GetAttribute("value"));
    }

    [Fact]
    public async Task WithoutLoginHint_TheEmailFieldIsEmpty()
    {
        using var client = provider.CreateClient();

        var login = await LoginPage.OpenAsync(client, UserStories.WebRequest());

        Assert.True(string.IsNullOrEmpty(login.EmailInput.GetAttribute("value")));
    }
}
