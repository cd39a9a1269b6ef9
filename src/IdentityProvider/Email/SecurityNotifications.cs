using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Email;

/// <summary>
/// Mails the account's owner when the security log records something they must know of (<see cref="SecurityNotices"/>).
/// Hooked into the security log, so every place that changes a device, a password, recovery codes or tokens (the
/// account page, sign-in, the admin pages and the API) notifies without knowing of mail; the outbox row is saved in
/// the same SaveChanges as the event.
/// </summary>
public sealed class SecurityNotifications(
    ApplicationDbContext db,
    MailOutbox outbox,
    MailTemplates templates,
    OutboxSignal signal,
    IHttpContextAccessor httpContextAccessor) : ISecurityEventObserver
{
    /// <summary>A user agent longer than this is cut: it is only there to help the user recognise the browser.</summary>
    private const int MaxBrowserLength = 200;

    private bool added;

    public async Task OnWritingAsync(SecurityEvent securityEvent)
    {
        if (securityEvent.UserId is not { } userId || SecurityNotices.For(securityEvent) is not { } notice)
        {
            return;
        }

        var user = await db.Users.AsNoTracking()
            .Where(candidate => candidate.Id == userId)
            .Select(candidate => new { candidate.Email, candidate.DisplayName, candidate.OptionalNotificationsOff, candidate.Language, candidate.TimeZone })
            .SingleOrDefaultAsync();
        if (user?.Email is not { Length: > 0 } email || (notice.Optional && user.OptionalNotificationsOff))
        {
            return;
        }

        // Note: in the owner's language and time zone, whoever caused the event (an administrator reads another language).
        var content = templates.SecurityNotice(
            notice,
            user.DisplayName is { Length: > 0 } name ? name : email,
            user.Language,
            user.TimeZone,
            securityEvent.OccurredAt,
            Browser(),
            securityEvent.IpAddress);
        outbox.Add(securityEvent.Kind, userId, email, content);
        added = true;
    }

    public void OnSaved()
    {
        if (added)
        {
            added = false;
            signal.Wake();
        }
    }

    /// <summary>The browser as it named itself, without control characters (it ends up in a mail).</summary>
    private string? Browser()
    {
        var agent = httpContextAccessor.HttpContext?.Request.Headers.UserAgent.ToString();
        if (string.IsNullOrWhiteSpace(agent))
        {
            return null;
        }

        var printable = new string([.. agent.Where(character => !char.IsControl(character))]).Trim();
        return printable.Length > MaxBrowserLength ? printable[..MaxBrowserLength] + "…" : printable;
    }
}
