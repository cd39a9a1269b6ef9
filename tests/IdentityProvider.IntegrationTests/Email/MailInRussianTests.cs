using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IdentityProvider.Admin.Users;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IdentityProvider.IntegrationTests.Email;

/// <summary>Russian by default, and a default time zone no browser of these tests reports.</summary>
public sealed class MailInRussianFixture : MailProviderFixture
{
    public const string DefaultZone = "America/New_York";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(Mail.ProviderSettings) { ["Ui:DefaultLanguage"] = "ru", ["Ui:TimeZone"] = DefaultZone };
}

/// <summary>
/// Every mail in the recipient's language and time zone: the language of their last sign-in or language switch, the
/// zone their browser reported then (else <c>Ui:TimeZone</c>), and <c>Ui:DefaultLanguage</c> for a user never
/// recorded; the reset link in the language of the request that asked for it. The subject and every paragraph are the
/// resource texts of that language, and no English resource text shows in a Russian mail (<see cref="LanguageChecks"/>).
/// </summary>
public sealed partial class MailInRussianTests(MailInRussianFixture provider) : IClassFixture<MailInRussianFixture>
{
    private const string Product = "Test IdP";

    /// <summary>Every kind of security notice, as the features log it (the detail quotes a device name or a token label).</summary>
    private static readonly Notice[] Notices =
    [
        new(SecurityEventKinds.DeviceAdded, "\"Рабочий телефон\"", null, "DeviceAdded", "What", ["Рабочий телефон"]),
        new(SecurityEventKinds.DeviceRemoved, "\"Старый токен\"", "an-admin", "DeviceRemoved", "WhatByAdministrator", ["Старый токен"]),
        new(SecurityEventKinds.RecoveryCodesGenerated, null, "an-admin", "RecoveryCodesGenerated", "WhatByAdministrator", []),
        new(SecurityEventKinds.RecoveryCodeUsed, "9 unused codes left", null, "RecoveryCodeUsed", "What", [9]),
        new(SecurityEventKinds.RecoveryCodeUsed, "8 unused codes left; during a password reset", null, "RecoveryCodeUsed", "WhatDuringReset", [8]),
        new(SecurityEventKinds.PasswordChanged, null, null, "PasswordChanged", "What", []),
        new(SecurityEventKinds.PasswordReset, null, "an-admin", "PasswordReset", "What", []),
        new(SecurityEventKinds.PasswordSetByLink, null, null, "PasswordSetByLink", "What", []),
        new(SecurityEventKinds.PasswordResetByEmail, null, null, "PasswordResetByEmail", "What", []),
        new(SecurityEventKinds.TokenCreated, "\"отчёты\" expires in 30 days", null, "TokenCreated", "What", ["отчёты"]),
        new(SecurityEventKinds.LockedOut, "after failed passwords", null, "LockedOut", "What", []),
        new(SecurityEventKinds.UserLocked, null, "an-admin", "UserLocked", "What", []),
        new(SecurityEventKinds.TwoStepSuspended, "3 days: lost phone", "an-admin", "TwoStepSuspended", "What", []),
        new(SecurityEventKinds.TwoStepRestored, null, "an-admin", "TwoStepRestored", "What", []),
    ];

    [Fact]
    public async Task SignedInInRussian_EveryMailIsRussian_InTheirTimeZone()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Иван Петров");
        using var client = Browser("ru-RU,ru;q=0.9", "Europe/Moscow");
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();
        var stored = await provider.Factory.ReadUserAsync(user.Id);
        Assert.Equal(("ru", "Europe/Moscow"), (stored.Language, stored.TimeZone));

        await WriteEventsAsync(user.Id, Notices);
        await AssertNoticesAsync(user.Email, Notices, "ru", "Europe/Moscow", "Иван Петров");
        await AssertResetMailAsync(client, user.Email, "ru");
        await AssertSetPasswordMailAsync(user, "ru", administratorReads: "en");
    }

    [Fact]
    public async Task SignedInInEnglish_MailsAreEnglish_InTheirTimeZone()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = Browser("en-GB,en;q=0.9", "Asia/Tokyo");
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();

        await WriteEventsAsync(user.Id, Notices);
        await AssertNoticesAsync(user.Email, Notices, "en", "Asia/Tokyo", "Test Person");
        await AssertResetMailAsync(client, user.Email, "en");
        await AssertSetPasswordMailAsync(user, "en", administratorReads: "ru");
    }

    [Fact]
    public async Task NeverSignedIn_MailsInTheDefaultLanguageAndTimeZone()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Мария Иванова");

        await WriteEventsAsync(user.Id, Notices[..3]);
        await AssertNoticesAsync(user.Email, Notices[..3], "ru", MailInRussianFixture.DefaultZone, "Мария Иванова");
        await AssertSetPasswordMailAsync(user, "ru", administratorReads: "en");
    }

    [Fact]
    public async Task LanguageSwitchWhileSignedIn_ChangesTheLanguageOfTheNextMail()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Мария Иванова");
        using var client = Browser("en", zone: null);
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();
        var changed = Notices[5];

        await WriteEventsAsync(user.Id, [changed]);
        await AssertNoticesAsync(user.Email, [changed], "en", MailInRussianFixture.DefaultZone, "Мария Иванова");

        Assert.Equal("ru", (await (await HomePage.OpenAsync(client)).ChooseLanguageAsync("ru")).As<HomePage>().Language());
        await WriteEventsAsync(user.Id, [changed]);
        await AssertNoticesAsync(user.Email, [changed], "ru", MailInRussianFixture.DefaultZone, "Мария Иванова");

        (await (await HomePage.OpenAsync(client)).ChooseLanguageAsync("en")).As<HomePage>();
        await WriteEventsAsync(user.Id, [changed]);
        await AssertNoticesAsync(user.Email, [changed], "en", MailInRussianFixture.DefaultZone, "Мария Иванова", before: 1);
    }

    /// <summary>A browser that asks for <paramref name="acceptLanguage"/> and reports <paramref name="zone"/> as the pages' script does.</summary>
    private ProviderClient Browser(string acceptLanguage, string? zone)
    {
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        if (zone is not null)
        {
            client.Http.DefaultRequestHeaders.Add("Cookie", $"idp.tz={Uri.EscapeDataString(zone)}");
        }

        return client;
    }

    /// <summary>Logs the events as the features do; the notifications observe the security log.</summary>
    private async Task WriteEventsAsync(string userId, IEnumerable<Notice> notices)
    {
        foreach (var notice in notices)
        {
            await provider.Factory.WithServiceAsync<SecurityLog, bool>(async log =>
            {
                await log.WriteAsync(notice.Kind, userId, notice.Detail, notice.ActorId);
                return true;
            });
        }
    }

    /// <summary>Each notice arrived once more than <paramref name="before"/>, all of it in <paramref name="language"/> and its time in <paramref name="zone"/>.</summary>
    private async Task AssertNoticesAsync(string email, IReadOnlyList<Notice> notices, string language, string zone, string name, int before = 0)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var when = TimeZoneInfo.ConvertTime(provider.Factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime.ToString("G", culture);
        if (language == "ru")
        {
            Assert.Matches(RussianMoment(), when);
        }

        foreach (var notice in notices)
        {
            var what = Text(language, $"Notice.{notice.Key}.{notice.Variant}", notice.Arguments);
            var subject = Text(language, "Notice.Subject", Product, Text(language, $"Notice.{notice.Key}.Title"));
            var mails = await provider.Mail.WaitForAsync(email, message => message.Text().Contains(what, StringComparison.Ordinal), before + 1);
            var mail = mails[before];
            var html = HtmlText(mail);
            Assert.Equal(subject, mail.Subject);
            foreach (var paragraph in new[]
            {
                Text(language, "Mail.Greeting", name), what, Text(language, "Mail.When", when, zone),
                Text(language, "Mail.From", Text(language, "Mail.UnknownBrowser"), Text(language, "Mail.UnknownAddress")),
                Text(language, "Mail.NotYou", "http://localhost/"),
                Text(language, notice.Kind is SecurityEventKinds.TokenCreated or SecurityEventKinds.LockedOut or SecurityEventKinds.UserLocked
                    or SecurityEventKinds.TwoStepSuspended or SecurityEventKinds.TwoStepRestored ? "Mail.Optional" : "Mail.Critical"),
            })
            {
                Assert.Contains(paragraph, mail.Text());
                Assert.Contains(paragraph, html);
            }

            AssertLanguage(language, mail);
        }
    }

    /// <summary>The reset link goes in the language of the page that asked for it.</summary>
    private async Task AssertResetMailAsync(ProviderClient client, string email, string language)
    {
        var subject = Text(language, "Reset.Subject", Product);
        var before = provider.Mail.To(email).Count(message => message.Subject == subject);
        await (await ForgotPasswordPage.OpenAsync(client)).RequestAsync(email);

        var mail = (await provider.Mail.WaitForAsync(email, message => message.Subject == subject, before + 1))[^1];
        SuiteSecrets.RememberLink(mail.LinkStartingWith("http"));
        foreach (var paragraph in new[] { Text(language, "Reset.Intro", Product), Text(language, "Reset.Terms", 30), Text(language, "Reset.Ignore") })
        {
            Assert.Contains(paragraph, mail.Text());
            Assert.Contains(paragraph, HtmlText(mail));
        }

        AssertLanguage(language, mail);
    }

    /// <summary>An administrator who reads another language mails the set-password link: it goes in the recipient's language.</summary>
    private async Task AssertSetPasswordMailAsync(TestUser user, string language, string administratorReads)
    {
        var subject = Text(language, "SetPassword.Subject", Product);
        var before = provider.Mail.To(user.Email).Count(message => message.Subject == subject);
        var administrators = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(administratorReads);
        try
        {
            await provider.Factory.WithServiceAsync<IServiceProvider, bool>(async services =>
            {
                var account = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
                await services.GetRequiredService<PasswordLinks>().EmailAsync(account!);
                return true;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = administrators;
        }

        var mail = (await provider.Mail.WaitForAsync(user.Email, message => message.Subject == subject, before + 1))[^1];
        SuiteSecrets.RememberLink(mail.LinkStartingWith("http"));
        Assert.Contains(Text(language, "SetPassword.Intro", Product), mail.Text());
        Assert.Contains(Text(language, "SetPassword.Terms"), HtmlText(mail));
        AssertLanguage(language, mail);
    }

    /// <summary>A Russian mail shows no English text of the resource files (its links and signature are addresses, not text).</summary>
    private static void AssertLanguage(string language, MimeMessage mail)
    {
        if (language != "ru")
        {
            Assert.DoesNotContain("Здравствуйте", mail.Text());
            return;
        }

        var shown = Links().Replace($"{mail.Subject} | {mail.Text()} | {HtmlText(mail)}", " ");
        Assert.Empty(LanguageChecks.EnglishTextsIn(shown));
    }

    private static string Text(string language, string key, params object[] arguments) => LanguageChecks.Text(language, "MailText", key, arguments);

    /// <summary>The HTML part as a reader sees it: the tags gone, the characters decoded.</summary>
    private static string HtmlText(MimeMessage mail) => WebUtility.HtmlDecode(Tags().Replace(mail.HtmlBody ?? "", " "));

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{4} \d{1,2}:\d{2}:\d{2}$")]
    private static partial Regex RussianMoment();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private sealed record Notice(string Kind, string? Detail, string? ActorId, string Key, string Variant, object[] Arguments);
}
