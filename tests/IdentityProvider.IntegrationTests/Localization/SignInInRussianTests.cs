using System.Net;
using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.PasswordReset;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.Localization;

/// <summary>A provider of its own: its users fail sign-ins on purpose.</summary>
public sealed class SignInInRussianFixture : ProviderFixture;

/// <summary>
/// The sign-in side for a browser that asks for Russian: every page, its messages and its validation errors are in
/// Russian, and no English text of the resource files shows (<see cref="LanguageChecks"/>).
/// </summary>
public sealed class SignInInRussianTests(SignInInRussianFixture provider) : IClassFixture<SignInInRussianFixture>
{
    [Fact]
    public async Task RussianPage_IsSentAsLetters_NotNumericEntities_AndMarkupStaysEncoded()
    {
        using var client = RussianClient();
        var hostile = UserStories.WebRequest(new Dictionary<string, string> { ["login_hint"] = "<b>x</b>@example.com" });

        var login = await LoginPage.OpenAsync(client, hostile);

        Assert.Matches("[а-яА-Я]{4,}", login.Page.Body);
        Assert.DoesNotMatch("&#x4[0-9A-F]{2};", login.Page.Body);
        Assert.DoesNotContain("<b>x</b>", login.Page.Body);
    }

    [Fact]
    public async Task PasswordOtpRecoveryCodeAndSignOut_AreRussian_WithTheirErrors()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        using var client = RussianClient();

        var home = await HomePage.OpenAsync(client);
        var login = await LoginPage.OpenAsync(client);
        var empty = await login.SignInAsync("", "").As<LoginPage>();
        var wrong = await login.SignInAsync(user.Email, "not-the-password").As<LoginPage>();
        var otp = await (await LoginPage.OpenAsync(client)).SignInAsync(user.Email, user.Password).As<TwoStepPage>();
        var wrongCode = await otp.SubmitCodeAsync("000000").As<TwoStepPage>();
        var resync = await ResyncPage.OpenAsync(client).As<ResyncPage>();
        var shortCodes = await resync.SubmitCodesAsync("1", "2").As<ResyncPage>();
        var recovery = await RecoveryCodePage.OpenAsync(client).As<RecoveryCodePage>();
        var wrongRecovery = await recovery.SubmitCodeAsync("aaaa-bbbb-cccc-dddd").As<RecoveryCodePage>();
        await wrongRecovery.SubmitCodeAsync(codes[0]).As<ManagePage>();
        var logout = await LogoutPage.OpenAsync(client);
        var signedOut = await logout.SignOutAsync();

        AssertRussian(home, login, empty, wrong, otp, wrongCode, resync, shortCodes, recovery, wrongRecovery, logout, signedOut);
        Assert.Contains(Russian("AccountText", "Field.Email.Required"), empty.Alerts);
        Assert.Contains(Russian("AccountText", "Field.Password.Required"), empty.Alerts);
        Assert.Equal(Russian("AccountText", "Login.InvalidCredentials"), wrong.ErrorText);
        Assert.Contains(Russian("AccountText", "TwoStep.WrongCode"), wrongCode.Alerts);
        Assert.Contains(Russian("AccountText", "Resync.TwoCodes", 6), shortCodes.Alerts);
        Assert.Contains(Russian("AccountText", "RecoveryCode.NotValid"), wrongRecovery.Alerts);
        Assert.Equal("Вход", login.Page.Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task TheCheck_FindsTheEnglishTexts_OfAnEnglishPage()
    {
        using var client = provider.CreateClient();

        var english = LanguageChecks.EnglishTextsOn(await LoginPage.OpenAsync(client));

        Assert.Contains("AccountText:Login.ForgotPassword \"Forgot your password?\"", english);
        Assert.Contains("SharedText:Layout.Language \"Language\"", english);
    }

    [Fact]
    public async Task EnrolmentConsentAccessDeniedAndErrors_AreRussian()
    {
        var withoutDevice = await UserStories.CreateUserAsync(provider.Factory);
        using var client = RussianClient();
        var mfa = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });

        var enrol = await UserStories.SignInWithPasswordAsync(client, mfa, withoutDevice).As<EnrolTwoStepPage>();
        var scan = await enrol.BeginAsync("Телефон").As<EnrolTwoStepPage>();
        var denied = await AccessDeniedPage.OpenAsync(client);
        var missing = await ErrorPage.OpenMissingPageAsync(client);
        var refused = await ErrorPage.OpenRefusedRequestAsync(client, new AuthorizationRequest("no-such-client", TestData.WebRedirectUri, "openid"));
        using var consentClient = RussianClient();
        var consentUser = await UserStories.CreateUserAsync(provider.Factory);
        var consent = await UserStories.SignInWithPasswordAsync(consentClient, new AuthorizationRequest("spa", TestData.SpaRedirectUri, "openid profile email"), consentUser)
            .As<ConsentPage>();

        AssertRussian(enrol, scan, denied, missing, refused, consent);
        Assert.NotEmpty(scan.ShownSecret);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(Russian("AccountText", "Error.NotFound.Title"), missing.Heading);
        Assert.Equal(Russian("AccountText", "Error.Protocol.Title"), refused.Heading);
        // OpenIddict's own description exists in English only: the page says it in Russian, and keeps it for the developer.
        Assert.Equal(Russian("AccountText", "Error.Protocol.Message"), refused.Message);
        Assert.False(string.IsNullOrEmpty(refused.Detail));
        Assert.Contains(Russian("AccountText", "Consent.Scope.Email"), consent.Text);
    }

    [Fact]
    public async Task ForgotResetAndSetPassword_AreRussian_IdentitysPasswordRulesToo()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        var (resetLink, setLink) = await LinksAsync(user);
        using var client = RussianClient();

        var forgot = await ForgotPasswordPage.OpenAsync(client);
        var forgotEmpty = await forgot.RequestAsync("");
        var answered = await forgot.RequestAsync($"nobody-{Guid.NewGuid():N}@example.com");
        var reset = await ResetPasswordPage.OpenAsync(client, resetLink);
        var resetRefused = await reset.ResetAsync("new-password-1", confirmation: "another-password-2");
        var resetInvalid = await ResetPasswordPage.OpenAsync(client, ResetPasswordPage.Tampered(resetLink));
        var set = await SetPasswordPage.OpenAsync(client, setLink);
        var tooShort = await set.SetPasswordAsync("short1");

        AssertRussian(forgot, forgotEmpty, answered, reset, resetRefused, resetInvalid, set, tooShort);
        Assert.Contains(Russian("AccountText", "Field.Email.Required"), forgotEmpty.Alerts);
        Assert.Equal(Russian("AccountText", "ForgotPassword.Answer"), answered.Answer);
        Assert.True(reset.AsksForCode);
        Assert.Contains(Russian("AccountText", "NewPassword.Mismatch"), resetRefused.Alerts);
        Assert.True(resetInvalid.SaysLinkInvalid);
        Assert.Contains(Russian("SharedText", "Identity.PasswordTooShort", 8), tooShort.Alerts);
    }

    [Fact]
    public async Task ModelBindingMessages_AreRussian()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = RussianClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);

        var refused = await (await NotificationsPage.OpenAsync(client)).SetOptionalAsync("abc");

        Assert.Contains(Russian("SharedText", "Binding.Checkbox"), refused.Alerts);
    }

    private static string Russian(string resource, string key, params object[] arguments) => LanguageChecks.Text("ru", resource, key, arguments);

    private static void AssertRussian(params PageObject[] pages)
    {
        foreach (var page in pages)
        {
            Assert.True(page.Language() == "ru", $"{page.Page.Uri} is in \"{page.Language()}\"");
            Assert.True(LanguageChecks.EnglishTextsOn(page).Count == 0,
                $"{page.Page.Uri} shows English: {string.Join("; ", LanguageChecks.EnglishTextsOn(page))}");
        }
    }

    /// <summary>A reset link (as mailed) and a set-password link (as an administrator hands it over) of <paramref name="user"/>.</summary>
    private async Task<(string Reset, string Set)> LinksAsync(TestUser user)
    {
        using var scope = provider.Factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
        var reset = await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().IssueAsync(account!);
        var set = await scope.ServiceProvider.GetRequiredService<PasswordLinks>().IssueAsync(account!);
        // Absolute, as mailed and handed over.
        var site = new Uri("https://localhost");
        return (new Uri(site, reset!).ToString(), new Uri(site, set).ToString());
    }

    private ProviderClient RussianClient()
    {
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        return client;
    }
}
