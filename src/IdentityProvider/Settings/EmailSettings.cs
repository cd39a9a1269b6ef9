using MimeKit;

namespace IdentityProvider.Settings;

/// <summary>How the provider connects to the mail server (<c>Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, for a mail catcher or a relay on the same host.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (port 587); refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary><c>Email:Smtp:*</c>: the mail server; absent <c>Host</c> means mails go to the pickup folder instead.</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security, string? UserName, string? Password);

/// <summary>
/// <c>Email:*</c>: the sender, the outbox's pace and the password-reset limits. With no <c>Email:Smtp:Host</c>
/// every mail is written as an <c>.eml</c> file to <see cref="PickupDirectory"/>, so a development run needs no server.
/// </summary>
public sealed record EmailSettings(
    SmtpSettings? Smtp,
    MailboxAddress From,
    string ProductName,
    string PickupDirectory,
    int ResetLinkMinutes,
    int ResetLinksPerAccountPerHour,
    int ResetRequestsPerAddressPerHour,
    int PollSeconds,
    int MaxAttempts)
{
    public static EmailSettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Email");
        return new EmailSettings(
            LoadSmtp(section.GetSection("Smtp")),
            ParseFrom(section["From"]),
            string.IsNullOrWhiteSpace(section["ProductName"]) ? "IdentityProvider" : section["ProductName"]!.Trim(),
            string.IsNullOrWhiteSpace(section["PickupDirectory"])
                ? Path.Combine(environment.ContentRootPath, "App_Data", "mail")
                : Path.GetFullPath(section["PickupDirectory"]!, environment.ContentRootPath),
            SettingsReader.Int(section, "ResetLinkMinutes", 30, 5, 24 * 60),
            SettingsReader.Int(section, "ResetLinksPerAccountPerHour", 3, 1, 100),
            SettingsReader.Int(section, "ResetRequestsPerAddressPerHour", 5, 1, 10_000),
            SettingsReader.Int(section, "PollSeconds", 5, 1, 3600),
            SettingsReader.Int(section, "MaxAttempts", 12, 1, 100));
    }

    private static SmtpSettings? LoadSmtp(IConfigurationSection section)
    {
        // Note: checked even without a host, so a typo is found before the host is added.
        var security = SettingsReader.Enum(section, "Security", SmtpSecurity.StartTls);
        var defaultPort = security switch
        {
            SmtpSecurity.SslOnConnect => 465,
            SmtpSecurity.StartTls => 587,
            _ => 25,
        };
        var port = SettingsReader.Int(section, "Port", defaultPort, 1, 65535);
        if (string.IsNullOrWhiteSpace(section["Host"]))
        {
            return null;
        }

        var userName = string.IsNullOrWhiteSpace(section["UserName"]) ? null : section["UserName"];
        if (userName is not null && string.IsNullOrEmpty(section["Password"]))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Password"), "is required when Email:Smtp:UserName is set.");
        }

        return new SmtpSettings(section["Host"]!.Trim(), port, security, userName, section["Password"]);
    }

    private static MailboxAddress ParseFrom(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new MailboxAddress("IdentityProvider", "no-reply@localhost");
        }

        return MailboxAddress.TryParse(raw.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new InvalidConfigurationException("Email:From", $"must be an e-mail address, optionally with a name: \"Name <address>\" (found '{raw}').");
    }
}
