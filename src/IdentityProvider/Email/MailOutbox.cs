using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Email;

/// <summary>
/// Where every mail starts: a row in the outbox, saved with the change it reports. Pages never talk to the
/// mail server; <see cref="OutboxSender"/> does, on whichever instance claims the row first.
/// </summary>
public sealed class MailOutbox(ApplicationDbContext db, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Adds a mail to the unit of work; it is saved by the caller's next SaveChanges.</summary>
    public void Add(string kind, string? userId, string to, MailContent content)
    {
        var now = time.GetUtcNow();
        db.OutboxMails.Add(new OutboxMail
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            UserId = userId,
            To = to,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>Adds and saves a mail, then wakes this instance's sender.</summary>
    public async Task EnqueueAsync(string kind, string? userId, string to, MailContent content)
    {
        Add(kind, userId, to, content);
        await db.SaveChangesAsync();
        signal.Wake();
    }

    /// <summary>How many mails of <paramref name="kind"/> were queued for the account since <paramref name="since"/> (for limits).</summary>
    public Task<int> CountSinceAsync(string userId, string kind, DateTimeOffset since) =>
        db.OutboxMails.CountAsync(mail => mail.UserId == userId && mail.Kind == kind && mail.CreatedAt > since);
}
