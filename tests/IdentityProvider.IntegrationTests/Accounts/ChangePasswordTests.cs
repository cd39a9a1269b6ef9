using System.Net;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Accounts;

/// <summary>A provider of its own with Carol, whose password the tests change.</summary>
public sealed class ChangePasswordFixture : ProviderFixture
{
    public const string CarolEmail = "carol@example.com";
    public const string CarolPassword = "carol-old-password";
    public const string DaveEmail = "dave@example.com";
    public const string DavePassword = "dave-unchanged-password";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Seed:Users:2:Email"] = CarolEmail,
        ["Seed:Users:2:Password"] = CarolPassword,
        ["Seed:Users:2:Name"] = "Carol Example",
        ["Seed:Users:3:Email"] = DaveEmail,
        ["Seed:Users:3:Password"] = DavePassword,
        ["Seed:Users:3:Name"] = "Dave Example",
    };
}

/// <summary>/Manage/ChangePassword: the current password is required, and a change ends every other session and grant.</summary>
public class ChangePasswordTests(ChangePasswordFixture provider) : IClassFixture<ChangePasswordFixture>
{
    private const string NewPassword = "carol-brand-new-password";

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsMessageAndKeepsPassword()
    {
        using var client = provider.CreateClient();
        var signedIn = await AccountSteps.SignInAsync(client, ChangePasswordFixture.DaveEmail, ChangePasswordFixture.DavePassword);
        Assert.Equal(AccountSteps.ManagePath, signedIn.Uri.AbsolutePath);

        var form = await client.GetAsync(AccountSteps.ChangePasswordPath);
        var refused = await client.SubmitAsync(form, ChangeFields("not-my-current-password", "dave-another-password"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(AccountSteps.ChangePasswordPath, refused.Uri.AbsolutePath);
        Assert.Contains("current password", AccountSteps.AlertText(refused), StringComparison.OrdinalIgnoreCase);

        // Nothing changed: the old password still signs in, the one typed as new does not.
        using var other = provider.CreateClient();
        var withNew = await AccountSteps.SignInAsync(other, ChangePasswordFixture.DaveEmail, "dave-another-password");
        Assert.Equal(AccountSteps.LoginPath, withNew.Uri.AbsolutePath);
        var withOld = await AccountSteps.SignInAsync(other, ChangePasswordFixture.DaveEmail, ChangePasswordFixture.DavePassword);
        Assert.Equal(AccountSteps.ManagePath, withOld.Uri.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_Success_EndsOtherSessionsAndRefreshTokens_NewPasswordOnly()
    {
        // Session A: signed in through a relying party, so it also holds a refresh token.
        using var sessionA = provider.CreateClient();
        var request = SignInSteps.WebRequest();
        var redirect = await SignInSteps.SignInAsync(sessionA, request, ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword);
        var tokens = await TokenResponse.ExchangeCodeAsync(sessionA.Http, request, redirect.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.RefreshToken);

        // Session B: the same user in another browser.
        using var sessionB = provider.CreateClient();
        var signedInB = await AccountSteps.SignInAsync(sessionB, ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword);
        Assert.Equal(AccountSteps.ManagePath, signedInB.Uri.AbsolutePath);

        var form = await sessionA.GetAsync(AccountSteps.ChangePasswordPath);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var changed = await sessionA.SubmitAsync(form, ChangeFields(ChangePasswordFixture.CarolPassword, NewPassword));
        Assert.Equal(AccountSteps.ManagePath, changed.Uri.AbsolutePath);
        Assert.Contains("password has been changed", AccountSteps.StatusText(changed), StringComparison.OrdinalIgnoreCase);

        // The session that changed it stays signed in; the other one is over.
        var stillA = await sessionA.GetAsync(AccountSteps.ManagePath);
        Assert.Equal(AccountSteps.ManagePath, stillA.Uri.AbsolutePath);
        var endedB = await sessionB.GetAsync(AccountSteps.ManagePath);
        Assert.Equal(AccountSteps.LoginPath, endedB.Uri.AbsolutePath);

        // A refresh token issued before the change is refused.
        var refreshed = await TokenResponse.RefreshAsync(sessionA.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);

        // Only the new password signs in now.
        using var fresh = provider.CreateClient();
        var withOld = await AccountSteps.SignInAsync(fresh, ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword);
        Assert.Equal(AccountSteps.LoginPath, withOld.Uri.AbsolutePath);
        Assert.NotEmpty(AccountSteps.AlertText(withOld));
        var withNew = await AccountSteps.SignInAsync(fresh, ChangePasswordFixture.CarolEmail, NewPassword);
        Assert.Equal(AccountSteps.ManagePath, withNew.Uri.AbsolutePath);
    }

    [Fact]
    public async Task ChangePasswordPage_Html_HasAutocompleteAndLabelForEveryInput()
    {
        using var client = provider.CreateClient();
        await AccountSteps.SignInAsync(client, "alice@example.com", TestData.AlicePassword);

        var page = await client.GetAsync(AccountSteps.ChangePasswordPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("current-password", AccountSteps.Input(page, "Input.CurrentPassword").GetAttribute("autocomplete"));
        Assert.Equal("new-password", AccountSteps.Input(page, "Input.NewPassword").GetAttribute("autocomplete"));
        Assert.Equal("new-password", AccountSteps.Input(page, "Input.ConfirmPassword").GetAttribute("autocomplete"));
        Assert.All(AccountSteps.VisibleInputs(page), input => Assert.Equal("password", input.GetAttribute("type")));
        AccountSteps.AssertEveryInputHasLabel(page);
    }

    [Fact]
    public async Task ChangePasswordPage_Anonymous_RedirectsToLogin()
    {
        using var client = provider.CreateClient();

        var page = await client.GetAsync(AccountSteps.ChangePasswordPath);

        Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
    }

    private static Dictionary<string, string> ChangeFields(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = next,
    };
}
