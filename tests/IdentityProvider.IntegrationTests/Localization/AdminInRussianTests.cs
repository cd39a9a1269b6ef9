using System.Globalization;
using System.Text.RegularExpressions;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;

namespace IdentityProvider.IntegrationTests.Localization;

/// <summary>A provider of its own: its users, clients and tokens carry Russian names, so no English name trips the check.</summary>
public sealed class AdminInRussianFixture : ProviderFixture;

/// <summary>
/// The admin area for a browser that asks for Russian: every page, its validation errors and the refusals the
/// services give are in Russian, no English text of the resource files shows (<see cref="LanguageChecks"/>), and
/// the security log writes its times as Russian does (<c>20.06.2023 17:32:41</c>).
/// </summary>
public sealed partial class AdminInRussianTests(AdminInRussianFixture provider) : IClassFixture<AdminInRussianFixture>
{
    [Fact]
    public async Task HomeUsersPolicyAndConfirm_AreRussian_WithTheirErrors()
    {
        using var client = await RussianAdminAsync();
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Иван Петров");

        var home = await AdminHomePage.OpenAsync(client);
        var users = await AdminUsersPage.SearchAsync(client, "");
        var create = await AdminCreateUserPage.OpenAsync(client);
        var createEmpty = await create.CreateUserAsync("", "").As<AdminCreateUserPage>();
        var details = await AdminUserPage.OpenAsync(client, user.Id);
        var password = await AdminUserPasswordPage.OpenAsync(client, user.Id);
        var mismatch = await password.SetPasswordAsync("новый-пароль-1", "другой-пароль-2").As<AdminUserPasswordPage>();
        var tokens = await AdminUserTokensPage.OpenAsync(client, user.Id);
        var twoStep = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        var hiddenReason = await twoStep.SuspendAsync("3", "Потерял\u0001телефон").As<AdminUserTwoStepPage>();
        var suspended = await twoStep.SuspendAsync("3", "Телефон в ремонте").As<AdminUserTwoStepPage>();
        var delete = await AdminDeleteUserPage.OpenAsync(client, user.Id);
        var policy = await AdminPolicyPage.OpenAsync(client);
        var policyRefused = await policy.SaveAsync(new Dictionary<string, string> { ["GracePeriodDays"] = "999" }).As<AdminPolicyPage>();
        var confirm = await AdminConfirmPage.OpenAsync(client);
        var confirmRefused = await confirm.ConfirmAsync("abc").As<AdminConfirmPage>();

        AssertRussian(home, users, create, createEmpty, details, password, mismatch, tokens, twoStep, hiddenReason, suspended, delete, policy, policyRefused, confirm, confirmRefused);
        Assert.Equal(Russian("Common.Administration"), home.Page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(Russian("Users.Title"), home.Sections);
        Assert.Contains(Message("User.Email.Missing"), createEmpty.Alerts);
        Assert.Contains(Message("Profile.Name.Missing"), createEmpty.Alerts);
        Assert.Equal(Russian("Users.TwoStep.Off"), details.TwoStep);
        Assert.Equal(Russian("Common.Never"), details.LastSignIn);
        Assert.Contains(Russian("Users.Password.Mismatch"), mismatch.Alerts);
        Assert.Contains(Message("TwoStep.Reason.Hidden"), hiddenReason.Alerts);
        Assert.Contains(Russian("TwoStep.SuspendedForDays", 3), suspended.StatusMessage);
        Assert.StartsWith(Russian("TwoStep.Status", Russian("TwoStep.Status.SuspendedUntil", "")).TrimEnd(), suspended.StatusText, StringComparison.Ordinal);
        Assert.Contains(Message("Policy.Range.GracePeriodDays", 0, 365), policyRefused.Alerts);
        Assert.Contains(Message("OtpCode.NotDigits"), confirmRefused.Alerts);
    }

    [Fact]
    public async Task ClientsScopesAndHardwareTokens_AreRussian_WithTheirErrors()
    {
        using var client = await RussianAdminAsync();
        var clientId = $"otchety-{Guid.NewGuid():N}"[..20];
        var scope = $"otchety{Guid.NewGuid():N}"[..16];
        var serial = SeedFileSamples.UniqueSerial();
        var seed = Convert.ToHexString(OtpSecret.Generate(OtpHashAlgorithm.Sha1));

        var clients = await AdminClientsPage.OpenAsync(client);
        var createClient = await AdminCreateClientPage.OpenAsync(client);
        var clientRefused = await createClient.RegisterAsync(new ClientForm(clientId, "Отчёты", true, ["http://otchety.example/cb"], ["authorization_code"], ["openid"]))
            .As<AdminCreateClientPage>();
        var clientCreated = await clientRefused.RegisterAsync(new ClientForm(clientId, "Отчёты", true, ["https://otchety.example/cb"], ["authorization_code"], ["openid"]))
            .As<AdminCreateClientPage>();
        var editClient = await AdminEditClientPage.OpenAsync(client, clientId);
        var secret = await AdminClientSecretPage.OpenAsync(client, clientId);
        var deleteClient = await AdminDeleteClientPage.OpenAsync(client, clientId);
        var scopes = await AdminScopesPage.OpenAsync(client);
        var createScope = await AdminCreateScopePage.OpenAsync(client);
        var standardScope = await createScope.RegisterAsync("openid", "Вход", "Вход в приложение").As<AdminCreateScopePage>();
        var scopeCreated = await standardScope.RegisterAsync(scope, "Отчёты", "Просматривать ваши отчёты").As<AdminScopesPage>();
        var editScope = await AdminEditScopePage.OpenAsync(client, scope);
        var deleteScope = await AdminDeleteScopePage.OpenAsync(client, scope);
        var inventory = await AdminHardwareTokensPage.OpenAsync(client);
        var register = await AdminRegisterTokenPage.OpenAsync(client);
        var badSeed = await register.RegisterAsync(serial, seed: "abc").As<AdminRegisterTokenPage>();
        var registered = await badSeed.RegisterAsync(serial, seed, model: "Токен").As<AdminHardwareTokenPage>();
        var import = await AdminImportTokensPage.OpenAsync(client);
        var badFile = await import.UploadAsync("tokens.csv", "serial;seed\n1;2\n");
        var badRow = await import.UploadAsync("tokens.csv", SeedFileSamples.Csv($"{SeedFileSamples.UniqueSerial()},{seed},totp,7,30"));
        var identify = await AdminIdentifyTokenPage.OpenAsync(client);
        var badCode = await identify.IdentifyAsync("abc");
        var noMatch = await identify.IdentifyAsync("123456");

        // Note: the seeded scope's names are English data ("Administration API"), not texts of the provider's pages.
        WithoutData(scopes, "#scopes tbody");
        WithoutData(scopeCreated, "#scopes tbody");
        AssertRussian(clients, createClient, clientRefused, clientCreated, editClient, secret, deleteClient, scopes, createScope, standardScope, scopeCreated,
            editScope, deleteScope, inventory, register, badSeed, registered, import, badFile, badRow, identify, badCode, noMatch);
        Assert.Contains(Message("Clients.Uri.Problem", Message("Clients.RedirectUri"), "http://otchety.example/cb", Message("Clients.Uri.Https")), clientRefused.Alerts);
        Assert.NotNull(clientCreated.NewSecret);
        Assert.Contains(Russian("Clients.Create.Done", clientId), clientCreated.StatusMessage);
        Assert.Contains(Message("Scopes.Standard", "openid"), standardScope.Alerts);
        Assert.Contains(Russian("Scopes.Create.Done", scope), scopeCreated.StatusMessage);
        Assert.Contains(Message("HardwareTokens.Input.SeedHex"), badSeed.Alerts);
        Assert.Equal(Message("HardwareTokens.Status.InStock"), registered.StatusText);
        Assert.Contains(Russian("HardwareTokens.Import.Refused", Message("HardwareTokens.File.CsvHeader", "serial,seed_hex,type,digits,period_or_counter")), badFile.Alerts);
        Assert.EndsWith(Message("HardwareTokens.Parameter.Digits"), Assert.Single(badRow.Rejected), StringComparison.Ordinal);
        Assert.Equal(Russian("HardwareTokens.Import.Added", 0), badRow.AddedText);
        Assert.Contains(Message("OtpCode.NotDigits"), badCode.Alerts);
        Assert.True(noMatch.SaysNoMatch);
    }

    [Fact]
    public async Task SecurityLog_IsRussian_WithRussianDatesAndErrors()
    {
        using var client = await RussianAdminAsync();

        var log = await AdminSecurityLogPage.OpenAsync(client);
        // Note: the sign-in's events may reach the log just after the sign-in's answer.
        for (var attempt = 0; log.Rows.Count == 0 && attempt < 50; attempt++)
        {
            await Task.Delay(100);
            log = await AdminSecurityLogPage.OpenAsync(client);
        }

        var badDate = await AdminSecurityLogPage.FilterAsync(client, from: "вчера");
        var nothing = await AdminSecurityLogPage.FilterAsync(client, user: $"nikto-{Guid.NewGuid():N}@example.com");

        Assert.True(log.Rows.Count > 0, log.Text);
        Assert.All(log.Rows, row => Assert.Matches(RussianMoment(), row.When));
        // Note: the test provider's Ui:TimeZone is UTC and the browser sent no zone.
        Assert.Equal(log.Moments[0].UtcDateTime.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture), log.Rows[0].When);
        // Note: the rows are the log's data (event codes, addresses, details as written, in English), not texts of the page.
        WithoutData(log, "#security-events tbody");
        AssertRussian(log, badDate, nothing);
        Assert.Matches(@"^Событий: \d+, сначала новые\. Страница 1 из \d+\.$", log.Summary);
        Assert.Contains(Message("SecurityLog.From.Invalid"), badDate.Alerts);
        Assert.Contains(Russian("SecurityLog.NoMatch"), nothing.StatusMessage);
    }

    private static string Russian(string key, params object[] arguments) => LanguageChecks.Text("ru", "AdminText", key, arguments);

    /// <summary>A sentence of the services (MessageText) in Russian.</summary>
    private static string Message(string key, params object[] arguments) => LanguageChecks.Text("ru", "MessageText", key, arguments);

    /// <summary>Leaves out of the check what the page shows as data (names and details as entered or logged).</summary>
    private static void WithoutData(PageObject page, string selector)
    {
        foreach (var element in page.Page.Document.QuerySelectorAll(selector).ToList())
        {
            element.Remove();
        }
    }

    private static void AssertRussian(params PageObject[] pages)
    {
        foreach (var page in pages)
        {
            Assert.True(page.Language() == "ru", $"{page.Page.Uri} is in \"{page.Language()}\"");
            Assert.True(LanguageChecks.EnglishTextsOn(page).Count == 0,
                $"{page.Page.Uri} shows English: {string.Join("; ", LanguageChecks.EnglishTextsOn(page))}");
        }
    }

    /// <summary>An administrator with a Russian name, signed in with both steps, whose browser asks for Russian.</summary>
    private async Task<ProviderClient> RussianAdminAsync()
    {
        var admin = await UserStories.CreateUserAsync(provider.Factory, role: ProviderRoles.Administrator, displayName: "Анна Смирнова");
        var device = await UserStories.EnrolTotpAsync(provider.Factory, admin.Id, "Телефон");
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        (await UserStories.SignInWithTwoStepsAsync(provider.Factory, client, admin, device)).As<ManagePage>();
        return client;
    }

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex RussianMoment();
}
