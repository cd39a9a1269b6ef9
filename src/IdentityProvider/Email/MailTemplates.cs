using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Email;

/// <summary>
/// Every mail the provider sends, in one place: plain text plus simple HTML, signed with <c>Email:ProductName</c>
/// and the provider's address, in the recipient's language (<see cref="MailText"/>). Warning: only the reset and
/// set-password mails carry a link with a secret; a security notification names what happened and carries no link
/// that signs anyone in.
/// </summary>
public sealed class MailTemplates(EmailSettings settings, UiSettings ui, ProviderAddress address, IStringLocalizer<MailText> text)
{
    /// <summary>Cyrillic and every other script as it is, not as numeric character references.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The reset link, in the language of the request that asked for it (the "Forgot your password?" page's): the
    /// person asking reads that language right now, whatever the account last used.
    /// </summary>
    public MailContent PasswordReset(string name, Uri link, int minutes) => InLanguage(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, () => Build(
        text["Reset.Subject", settings.ProductName],
        name,
        [
            text["Reset.Intro", settings.ProductName].Value,
            Paragraph.LinkTo(link),
            text["Reset.Terms", minutes].Value,
            text["Reset.Ignore"].Value,
        ]));

    /// <summary>An administrator's set-password link, in the recipient's recorded language (<paramref name="language"/>), else <c>Ui:DefaultLanguage</c>.</summary>
    public MailContent SetPasswordLink(string name, Uri link, string? language) => InLanguage(language, () => Build(
        text["SetPassword.Subject", settings.ProductName],
        name,
        [
            text["SetPassword.Intro", settings.ProductName].Value,
            Paragraph.LinkTo(link),
            text["SetPassword.Terms"].Value,
        ]));

    /// <summary>
    /// A security notice in the recipient's recorded language and time zone (<paramref name="language"/>,
    /// <paramref name="timeZone"/>), else <c>Ui:DefaultLanguage</c> and <c>Ui:TimeZone</c>.
    /// </summary>
    /// <param name="browser">The browser (user agent) and address it came from, when known.</param>
    public MailContent SecurityNotice(
        SecurityNotice notice, string name, string? language, string? timeZone, DateTimeOffset when, string? browser, string? ipAddress) =>
        InLanguage(language, () =>
        {
            var zone = timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : ui.TimeZone;
            var arguments = notice.Arguments.Select(argument => argument ?? text["Notice.Unnamed"].Value).ToArray();
            return Build(
                text["Notice.Subject", settings.ProductName, text[$"Notice.{notice.Key}.Title"].Value],
                name,
                [
                    text[$"Notice.{notice.Key}.{notice.Variant}", arguments].Value,
                    text["Mail.When", LocalTime(when, zone), zone.Id].Value,
                    text["Mail.From", browser ?? text["Mail.UnknownBrowser"].Value, ipAddress ?? text["Mail.UnknownAddress"].Value].Value,
                    text["Mail.NotYou", address.Base].Value,
                    text[notice.Optional ? "Mail.Optional" : "Mail.Critical"].Value,
                ]);
        });

    /// <summary>As the pages show a moment (<see cref="LocalTimes"/>): Russian <c>20.06.2023 17:32:41</c>.</summary>
    private static string LocalTime(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).DateTime.ToString("G", CultureInfo.CurrentCulture);

    /// <summary>
    /// Renders in <paramref name="language"/> (one the provider offers, else <c>Ui:DefaultLanguage</c>): the texts and
    /// the formats follow the thread's cultures, set for the rendering and put back after it.
    /// </summary>
    private MailContent InLanguage(string? language, Func<MailContent> render)
    {
        var culture = CultureInfo.GetCultureInfo(language is not null && ui.Languages.Contains(language, StringComparer.Ordinal) ? language : ui.DefaultLanguage);
        var (uiCulture, formatCulture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (uiCulture, formatCulture);
        }
    }

    private MailContent Build(string subject, string name, IReadOnlyList<object> paragraphs)
    {
        var greeting = text["Mail.Greeting", name].Value;
        var signature = $"{settings.ProductName}, {address.Base}";
        var plain = new StringBuilder().AppendLine(greeting).AppendLine();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            if (paragraph is Paragraph { Link: { } link })
            {
                plain.AppendLine(link.AbsoluteUri).AppendLine();
                html.Append("<p><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(Encode(link.AbsoluteUri)).Append("</a></p>");
            }
            else
            {
                plain.AppendLine(paragraph.ToString()).AppendLine();
                html.Append("<p>").Append(Encode(paragraph.ToString()!)).Append("</p>");
            }
        }

        plain.AppendLine("-- ").AppendLine(signature);
        html.Append("<p style=\"color: #666\">").Append(Encode(signature)).Append("</p></body></html>");
        return new MailContent(subject, plain.ToString(), html.ToString());
    }

    private static string Encode(string value) => Html.Encode(value);

    private sealed record Paragraph(Uri Link)
    {
        public static Paragraph LinkTo(Uri link) => new(link);
    }
}
