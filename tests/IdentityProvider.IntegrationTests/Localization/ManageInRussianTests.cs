using System.Text.RegularExpressions;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Localization;

/// <summary>A provider of its own, with personal access tokens allowed (the token pages are part of the walk).</summary>
public sealed class ManageInRussianFixture : TokenFixture;

/// <summary>
/// The account pages (<c>/Manage</c>) for a browser that asks for Russian: every page, its states, messages and
/// validation errors are in Russian, no English text of the resource files shows (<see cref="LanguageChecks"/>), and
/// times read as Russian writes them (<c>20.06.2023 17:32:41</c>). Test data is Russian too (names people type are
/// shown back).
/// </summary>
public sealed partial class ManageInRussianTests(ManageInRussianFixture provider) : IClassFixture<ManageInRussianFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task OverviewWithTwoStepOff_PasswordsNotificationsSignInMethodsAndProfile_AreRussian_WithTheirErrors()
    {
        var user = await UserStories.CreateUserAsync(Factory, displayName: "Иван Петров");
        using var client = RussianClient();
        var overview = await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<ManagePage>();

        var change = await ChangePasswordPage.OpenAsync(client);
        var empty = await change.ChangeAsync("", "").As<ChangePasswordPage>();
        var wrongCurrent = await change.ChangeAsync("not-the-password", "новый-пароль-1").As<ChangePasswordPage>();
        var mismatch = await change.ChangeAsync(user.Password, "новый-пароль-1", "другой-пароль-2").As<ChangePasswordPage>();
        var tooShort = await change.ChangeAsync(user.Password, "short1").As<ChangePasswordPage>();
        var notifications = await NotificationsPage.OpenAsync(client);
        var saved = await notifications.SetOptionalAsync(false);
        var methods = await SignInMethodsPage.OpenAsync(client);
        var browsers = await RememberedBrowsersPage.OpenAsync(client);
        var devices = await DevicesPage.OpenAsync(client);
        var codes = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        var activity = await ActivityPage.OpenAsync(client);
        await Factory.UpdateUserAsync(user.Id, stored => stored.PasswordHash = null);
        var addPassword = await AddPasswordPage.OpenAsync(client);
        var addMismatch = await addPassword.SetAsync("новый-пароль-1", "другой-пароль-2").As<AddPasswordPage>();
        var added = await addPassword.SetAsync("новый-пароль-1").As<SignInMethodsPage>();
        var profile = await ProfilePage.OpenAsync(client);
        var badPhone = await profile.SaveAsync(phoneNumber: "12-34").As<ProfilePage>();
        var profileSaved = await profile.SaveAsync(givenName: "Иван", familyName: "Петров", phoneNumber: "+7 495 123-45-67").As<ManagePage>();
        var verified = await (await ProfilePage.OpenAsync(client)).SaveAsync().As<ManagePage>();

        AssertRussian(overview, change, empty, wrongCurrent, mismatch, tooShort, notifications, saved, methods, browsers, devices, codes, activity,
            addPassword, addMismatch, added, profile, badPhone, profileSaved, verified);
        Assert.Contains(Message("Profile.PhoneNumber.Invalid", 7, 15), badPhone.Alerts);
        Assert.Equal(Russian("Profile.Saved"), profileSaved.StatusMessage);
        Assert.Equal("+74951234567", profileSaved.ProfilePhone);
        Assert.Equal(Russian("Profile.Unchanged"), verified.StatusMessage);
        Assert.Equal(Russian("Index.Title"), overview.Page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Иван Петров", overview.ProfileName);
        Assert.Equal(Russian("Index.TwoStep.Off"), overview.TwoStepState);
        Assert.Contains(Russian("Index.TwoStep.TurnOn"), overview.Text);
        Assert.Equal(Russian("Index.Password.NeverChanged"), overview.PasswordChanged);
        Assert.Contains(Russian("ChangePassword.Current.Required"), empty.Alerts);
        Assert.Contains(Russian("Common.NewPassword.Required"), empty.Alerts);
        Assert.Contains(Russian("ChangePassword.WrongCurrent"), wrongCurrent.Alerts);
        Assert.Contains(Russian("ChangePassword.Mismatch"), mismatch.Alerts);
        Assert.Contains(Russian("Common.NewPassword.Length"), tooShort.Alerts);
        Assert.Equal(Russian("Notifications.OptionalOff"), saved.StatusMessage);
        Assert.True(codes.SaysNoDevice);
        Assert.True(devices.SaysTwoStepOff);
        Assert.Contains(Russian("AddPassword.Mismatch"), addMismatch.Alerts);
        Assert.Equal(Russian("AddPassword.Done"), added.StatusMessage);
    }

    [Fact]
    public async Task OverviewWithTwoStepOn_ActivityDevicesRecoveryCodesAndRememberedBrowsers_AreRussian_InRussianTimes()
    {
        var user = await UserStories.CreateUserAsync(Factory, displayName: "Иван Петров");
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id, "Телефон");
        await UserStories.GenerateRecoveryCodesAsync(Factory, user.Id);
        using var client = RussianClient();
        var otp = await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<TwoStepPage>();
        var malformed = await otp.SubmitCodeAsync("12").As<TwoStepPage>();
        Factory.Clock.Advance(UserStories.Step);
        var overview = await malformed.SubmitCodeAsync(device.TotpNow(Factory.Clock), rememberBrowser: true).As<ManagePage>();
        var admin = await UserStories.CreateUserAsync(Factory);
        await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.SignInSucceeded, user.Id,
            userAgent: ActivityStories.ChromeOnWindows, ipAddress: "203.0.113.7", methods: "pwd otp");
        await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.TwoStepSuspended, user.Id, actorId: admin.Id);
        await ActivityStories.RecordEventAsync(Factory, SecurityEventKinds.TokenRevoked, user.Id, userAgent: ActivityStories.FirefoxOnLinux);

        var activity = await ActivityPage.OpenAsync(client);
        var browsers = await RememberedBrowsersPage.OpenAsync(client);
        var forgotten = await browsers.ForgetFirstAsync();
        var devices = await DevicesPage.OpenAsync(client);
        var add = await AddDevicePage.OpenAsync(client);
        var noName = await add.BeginAsync("");
        var scan = await add.BeginAsync("Планшет");
        var shortCode = await scan.ConfirmAsync("12").As<AddDevicePage>();
        var remove = await RemoveDevicePage.OpenAsync(client, device.Id);
        var removeWrong = await remove.RemoveAsync("not-the-password").As<RemoveDevicePage>();
        var codes = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        var codesWrong = await codes.GenerateAsync("not-the-password").As<RecoveryCodesPage>();
        var shown = await codes.GenerateAsync(user.Password).As<ShowRecoveryCodesPage>();
        var notTicked = await shown.ContinueAsync(saved: false).As<ShowRecoveryCodesPage>();
        var afterNewSet = await notTicked.ContinueAsync().As<RecoveryCodesPage>();
        var removed = await remove.RemoveAsync(user.Password).As<DevicesPage>();

        AssertRussian(malformed, overview, activity, browsers, forgotten, devices, add, noName, scan, shortCode, remove, removeWrong,
            codes, codesWrong, shown, notTicked, afterNewSet, removed);
        Assert.Contains(Message("OtpCode.WrongLength", 6), malformed.Alerts);
        Assert.Equal(Russian("Index.TwoStep.On"), overview.TwoStepState);
        Assert.Matches(RussianMoment(), overview.TwoStepLastUsed);
        Assert.Equal(1, overview.RememberedBrowsers);
        var rows = activity.Rows;
        var chrome = Assert.Single(rows, row => row.Kind == SecurityEventKinds.SignInSucceeded && row.Address == "203.0.113.7");
        Assert.Equal(Russian("Activity.Event.SignInSucceeded"), chrome.What);
        Assert.Equal("Chrome (Windows)", chrome.Browser);
        Assert.Equal(Russian("Activity.Otp.Entered"), chrome.Otp);
        Assert.Matches(RussianMoment(), chrome.When);
        var suspended = Assert.Single(rows, row => row.Kind == SecurityEventKinds.TwoStepSuspended);
        Assert.Equal($"{Russian("Activity.Event.TwoStepSuspended")} {Russian("Activity.ByAdministrator")}", suspended.What);
        var firefox = Assert.Single(rows, row => row.Kind == SecurityEventKinds.TokenRevoked);
        Assert.Equal((Russian("Activity.Event.TokenRevoked"), "Firefox (Linux)", ""), (firefox.What, firefox.Browser, firefox.Otp));
        Assert.All(rows, row => Assert.Matches(RussianMoment(), row.When));
        Assert.Equal(Russian("Browsers.Forgotten"), forgotten.StatusMessage);
        Assert.Contains(Russian("Devices.Type.Totp", 6), Assert.Single(devices.DeviceRows));
        Assert.Contains(Message("DeviceName.Missing"), noName.Alerts);
        Assert.True(scan.ShowsConfirmation);
        Assert.Contains(Message("OtpCode.WrongLength", 6), shortCode.Alerts);
        Assert.Contains(Russian("Common.WrongPassword"), removeWrong.Alerts);
        Assert.Equal(Russian("RecoveryCodes.RemainingOf.Many", 10, 10), codes.RemainingText);
        Assert.Contains(Russian("Common.WrongPassword"), codesWrong.Alerts);
        Assert.Equal(10, shown.Codes.Count);
        Assert.Contains(Russian("RecoveryCodes.Show.NotTicked"), notTicked.Alerts);
        Assert.Equal(Russian("Devices.Removed", "Телефон"), removed.StatusMessage);
    }

    [Fact]
    public async Task Tokens_ListCreateShowAndRevoke_AreRussian()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        var kept = await TokenSteps.IssueAsync(Factory, user.Id, label: "отчёты", days: 10);

        var overview = await ManagePage.OpenAsync(client).As<ManagePage>();
        var tokens = await TokensPage.OpenAsync(client).As<TokensPage>();
        var create = await tokens.CreateAsync();
        var noLabel = await create.SubmitAsync(new TokenForm("", "30", false, "api"));
        var shown = await create.SubmitAsync(TokenForm.Valid("резервная копия"));
        var duplicate = await create.SubmitAsync(TokenForm.Valid("отчёты"));
        var list = await TokensPage.OpenAsync(client).As<TokensPage>();
        var revoke = await list.RevokeAsync(kept.Id);
        var revoked = await revoke.ConfirmAsync().As<TokensPage>();

        AssertRussian(overview, tokens, create, noLabel, shown, duplicate, list, revoke, revoked);
        Assert.Equal(1, overview.ActiveTokens);
        Assert.Matches(RussianDay(), overview.NextTokenExpiry);
        Assert.Contains(Message("TokenLabel.Missing"), noLabel.Alerts);
        Assert.NotNull(shown.NewToken);
        Assert.Contains(Russian("Tokens.Create.ShownOnce"), shown.Text);
        Assert.Contains(Message("Tokens.Create.Duplicate", "отчёты"), duplicate.Alerts);
        Assert.Equal(
            [Russian("Tokens.Label"), Russian("Tokens.LastAccess"), Russian("Tokens.Created"), Russian("Tokens.Expires"), Russian("Tokens.Action")],
            list.ColumnHeaders);
        Assert.Equal(Russian("Tokens.NoAccessYet"), list.CellsOf(kept.Id)[1]);
        Assert.Matches(RussianMoment(), list.CellsOf(kept.Id)[2]);
        Assert.Equal(Russian("Tokens.Revoked", "отчёты"), revoked.StatusMessage);
    }

    [Fact]
    public async Task EnrolmentDuringSignIn_SaysWhatIsWrongWithTheNameAndTheCode_InRussian()
    {
        var user = await UserStories.CreateUserAsync(Factory, displayName: "Иван Петров");
        using var client = RussianClient();
        var mfa = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });

        var enrol = await UserStories.SignInWithPasswordAsync(client, mfa, user).As<EnrolTwoStepPage>();
        var noName = await enrol.BeginAsync("   ").As<EnrolTwoStepPage>();
        var scan = await enrol.BeginAsync("Телефон").As<EnrolTwoStepPage>();
        var letters = await scan.ConfirmAsync("abcdef").As<EnrolTwoStepPage>();
        var wrong = await scan.ConfirmAsync("000000").As<EnrolTwoStepPage>();

        AssertRussian(enrol, noName, scan, letters, wrong);
        Assert.Contains(Message("DeviceName.Missing"), noName.Alerts);
        Assert.Contains(Message("OtpCode.NotDigits"), letters.Alerts);
        Assert.Contains(Message("OtpEnrolment.CodeMismatch"), wrong.Alerts);
    }

    private static string Russian(string key, params object[] arguments) => LanguageChecks.Text("ru", "ManageText", key, arguments);

    /// <summary>A sentence of the services (MessageText) in Russian.</summary>
    private static string Message(string key, params object[] arguments) => LanguageChecks.Text("ru", "MessageText", key, arguments);

    private static string Shared(string key, params object[] arguments) => LanguageChecks.Text("ru", "SharedText", key, arguments);

    private static void AssertRussian(params PageObject[] pages)
    {
        foreach (var page in pages)
        {
            Assert.True(page.Language() == "ru", $"{page.Page.Uri} is in \"{page.Language()}\"");
            Assert.True(LanguageChecks.EnglishTextsOn(page).Count == 0,
                $"{page.Page.Uri} shows English: {string.Join("; ", LanguageChecks.EnglishTextsOn(page))}");
        }
    }

    private ProviderClient RussianClient()
    {
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        return client;
    }

    /// <summary>A moment as Russian writes it: 20.06.2023 17:32:41.</summary>
    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex RussianMoment();

    /// <summary>A day as Russian writes it: 20.06.2023.</summary>
    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{4}$")]
    private static partial Regex RussianDay();
}
