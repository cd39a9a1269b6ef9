using MimeKit;

namespace IdentityProvider.Email;

/// <summary>How a mail leaves: over SMTP, or as an .eml file in the pickup folder when no SMTP host is set.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
