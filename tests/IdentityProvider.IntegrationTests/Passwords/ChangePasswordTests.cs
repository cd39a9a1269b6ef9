using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Passwords;

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
        await UserStories.SignInWithPasswordAsync(client, ChangePasswordFixture.DaveEmail, ChangePasswordFixture.DavePassword).As<ManagePage>();

        var form = await ChangePasswordPage.OpenAsync(client);
        var answer = await form.ChangeAsync("not-my-current-password", "dave-another-password");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var refused = answer.As<ChangePasswordPage>();
        Assert.Contains("current password", refused.Alerts, StringComparison.OrdinalIgnoreCase);

        // Nothing changed: the old password still signs in, the one typed as new does not.
        using var other = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(other, ChangePasswordFixture.DaveEmail, "dave-another-password").As<LoginPage>();
        await UserStories.SignInWithPasswordAsync(other, ChangePasswordFixture.DaveEmail, ChangePasswordFixture.DavePassword).As<ManagePage>();
    }

    [Fact]
    public async Task ChangePassword_Success_EndsOtherSessionsAndRefreshTokens_NewPasswordOnly()
    {
        // Session A: signed in through a relying party, so it also holds a refresh token.
        using var sessionA = provider.CreateClient();
        var request = UserStories.WebRequest();
        var redirect = await (await LoginPage.OpenAsync(sessionA, request)).SignInAsync(ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword);
        var tokens = await TokenResponse.ExchangeCodeAsync(sessionA.Http, request, redirect.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.RefreshToken);

        // Session B: the same user in another browser.
        using var sessionB = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(sessionB, ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword).As<ManagePage>();

        var form = await ChangePasswordPage.OpenAsync(sessionA);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var changed = await form.ChangeAsync(ChangePasswordFixture.CarolPassword, NewPassword).As<ManagePage>();
        Assert.Contains("password has been changed", changed.StatusMessage, StringComparison.OrdinalIgnoreCase);

        // The session that changed it stays signed in; the other one is over.
        await ManagePage.OpenAsync(sessionA).As<ManagePage>();
        await ManagePage.OpenAsync(sessionB).As<LoginPage>();

        // A refresh token issued before the change is refused.
        var refreshed = await TokenResponse.RefreshAsync(sessionA.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);

        // Only the new password signs in now.
        using var fresh = provider.CreateClient();
        var withOld = await UserStories.SignInWithPasswordAsync(fresh, ChangePasswordFixture.CarolEmail, ChangePasswordFixture.CarolPassword).As<LoginPage>();
        Assert.NotEmpty(withOld.Alerts);
        await UserStories.SignInWithPasswordAsync(fresh, ChangePasswordFixture.CarolEmail, NewPassword).As<ManagePage>();
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswordRepeated_CountsTowardTheLockout()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using (client)
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var page = await ChangePasswordPage.OpenAsync(client);
                (await page.ChangeAsync("not-the-password", NewPassword)).As<ChangePasswordPage>();
            }

            // Locked now: even the right current password is refused, and the password stays as it was.
            var locked = await (await ChangePasswordPage.OpenAsync(client)).ChangeAsync(user.Password, NewPassword).As<ChangePasswordPage>();
            Assert.Contains("locked", locked.Alerts, StringComparison.OrdinalIgnoreCase);
            var stored = await provider.Factory.ReadUserAsync(user.Id);
            Assert.True(stored.LockoutEnd > provider.Factory.Clock.GetUtcNow(), "Five wrong current passwords did not lock the account.");
        }
    }

    [Fact]
    public async Task ChangePasswordPage_Html_HasAutocompleteAndLabelForEveryInput()
    {
        using var client = provider.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, "alice@example.com", TestData.AlicePassword);

        var page = await ChangePasswordPage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("current-password", page.CurrentPasswordInput.GetAttribute("autocomplete"));
        Assert.Equal("new-password", page.NewPasswordInput.GetAttribute("autocomplete"));
        Assert.Equal("new-password", page.ConfirmPasswordInput.GetAttribute("autocomplete"));
        Assert.All(page.VisibleInputs, input => Assert.Equal("password", input.GetAttribute("type")));
        page.AssertEveryInputHasLabel();
    }

    [Fact]
    public async Task ChangePasswordPage_Anonymous_RedirectsToLogin()
    {
        using var client = provider.CreateClient();

        var page = await ChangePasswordPage.TryOpenAsync(client);

        page.As<LoginPage>();
    }
}
