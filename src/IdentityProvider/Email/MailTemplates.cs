using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using IdentityProvider.Settings;

namespace IdentityProvider.Email;

/// <summary>
/// Every mail the provider sends, in one place: plain text plus simple HTML, signed with <c>Email:ProductName</c>
/// and the provider's address. Warning: only the reset and set-password mails carry a link with a secret; a
/// security notification names what happened and carries no link that signs anyone in.
/// </summary>
public sealed class MailTemplates(EmailSettings settings, ProviderAddress address)
{
    public MailContent PasswordReset(string name, Uri link, int minutes) => Build(
        $"Reset your {settings.ProductName} password",
        $"Hello {name},",
        [
            $"Someone (hopefully you) asked to reset the password of your {settings.ProductName} account. Open this link to choose a new password:",
            Paragraph.LinkTo(link),
            $"The link works once, for {minutes} minutes, and only until you change your password or ask for another link. " +
            "If you use two-step sign-in, the page also asks for a one-time password or a recovery code.",
            "If you did not ask for this, ignore this mail: your password stays as it is.",
        ]);

    public MailContent SetPasswordLink(string name, Uri link) => Build(
        $"Set your {settings.ProductName} password",
        $"Hello {name},",
        [
            $"An administrator created a {settings.ProductName} account for you, or asked you to choose a new password. Open this link to set it:",
            Paragraph.LinkTo(link),
            "The link works once, for one day. Then sign in with your e-mail address and the new password.",
        ]);

    /// <param name="what">What happened, as a sentence.</param>
    /// <param name="browser">The browser (user agent) and address it came from, when known.</param>
    public MailContent SecurityNotice(string name, string title, string what, DateTimeOffset when, string? browser, string? ipAddress, bool optional) => Build(
        $"{settings.ProductName}: {title}",
        $"Hello {name},",
        [
            what,
            $"When: {when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}",
            $"From: {browser ?? "an unknown browser"}, address {ipAddress ?? "unknown"}",
            $"If this was not you: sign in at {address.Base} and change your password, check your two-step devices " +
            "and recovery codes, and tell your administrator.",
            optional
                ? "You can turn off mails like this one on your account page (E-mail notifications)."
                : "Mails about devices, passwords and recovery codes are always sent.",
        ]);

    private MailContent Build(string subject, string greeting, IReadOnlyList<object> paragraphs)
    {
        var signature = $"{settings.ProductName}, {address.Base}";
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            if (paragraph is Paragraph { Link: { } link })
            {
                text.AppendLine(link.AbsoluteUri).AppendLine();
                html.Append("<p><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(Encode(link.AbsoluteUri)).Append("</a></p>");
            }
            else
            {
                text.AppendLine(paragraph.ToString()).AppendLine();
                html.Append("<p>").Append(Encode(paragraph.ToString()!)).Append("</p>");
            }
        }

        text.AppendLine("-- ").AppendLine(signature);
        html.Append("<p style=\"color: #666\">").Append(Encode(signature)).Append("</p></body></html>");
        return new MailContent(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private sealed record Paragraph(Uri Link)
    {
        public static Paragraph LinkTo(Uri link) => new(link);
    }
}
