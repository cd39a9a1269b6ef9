using IdentityProvider.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IdentityProvider.Email;

/// <summary>MailKit over SMTP (<c>Email:Smtp:*</c>): one connection per mail, authenticated when a user name is set.</summary>
public sealed class SmtpMailTransport(SmtpSettings settings) : IMailTransport
{
    /// <summary>Connect, each command and the whole data transfer: a hung server frees the claim well before it expires.</summary>
    private const int TimeoutMilliseconds = 30_000;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        var options = settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.Host, settings.Port, options, cancellationToken);
        if (settings.UserName is { } userName)
        {
            await client.AuthenticateAsync(userName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
