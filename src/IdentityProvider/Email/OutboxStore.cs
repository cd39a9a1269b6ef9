using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Email;

/// <summary>
/// The sender's side of the outbox. Warning: a mail is sent only by the instance whose conditional UPDATE claimed
/// it (affected rows decide, never read-then-write), so two instances never send one mail twice; a claim expires,
/// so a mail claimed by an instance that died goes out from another.
/// </summary>
public sealed class OutboxStore(ApplicationDbContext db, TimeProvider time)
{
    /// <summary>How long a claim holds: far longer than one SMTP conversation (its time-out is 30 s).</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <summary>Sent rows (their bodies already emptied) are kept this long for the per-account limits, then deleted.</summary>
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(7);

    /// <summary>Claims up to <paramref name="batch"/> due mails for <paramref name="instance"/>; returns those it won.</summary>
    public async Task<IReadOnlyList<OutboxMail>> ClaimDueAsync(string instance, int maxAttempts, int batch)
    {
        var now = time.GetUtcNow();
        var candidates = await db.OutboxMails.AsNoTracking()
            .Where(mail => mail.SentAt == null && mail.NextAttemptAt <= now && mail.Attempts < maxAttempts
                && (mail.ClaimedUntil == null || mail.ClaimedUntil < now))
            .OrderBy(mail => mail.NextAttemptAt)
            .Select(mail => mail.Id)
            .Take(batch)
            .ToListAsync();

        var claimed = new List<OutboxMail>();
        foreach (var id in candidates)
        {
            var won = await db.OutboxMails
                .Where(mail => mail.Id == id && mail.SentAt == null && (mail.ClaimedUntil == null || mail.ClaimedUntil < now))
                .ExecuteUpdateAsync(update => update
                    .SetProperty(mail => mail.ClaimedBy, instance)
                    .SetProperty(mail => mail.ClaimedUntil, now + ClaimDuration)) == 1;
            if (won && await db.OutboxMails.AsNoTracking().SingleOrDefaultAsync(mail => mail.Id == id) is { } mail)
            {
                claimed.Add(mail);
            }
        }

        return claimed;
    }

    /// <summary>Marks a claimed mail sent and empties its bodies (they may hold a reset link).</summary>
    public Task MarkSentAsync(Guid id, string instance)
    {
        var now = time.GetUtcNow();
        return db.OutboxMails.Where(mail => mail.Id == id && mail.ClaimedBy == instance)
            .ExecuteUpdateAsync(update => update
                .SetProperty(mail => mail.SentAt, now)
                .SetProperty(mail => mail.Attempts, mail => mail.Attempts + 1)
                .SetProperty(mail => mail.TextBody, "")
                .SetProperty(mail => mail.HtmlBody, "")
                .SetProperty(mail => mail.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(mail => mail.LastError, (string?)null));
    }

    /// <summary>Releases a claimed mail after a failed attempt, due again at <paramref name="nextAttemptAt"/>.</summary>
    public Task MarkFailedAsync(Guid id, string instance, DateTimeOffset nextAttemptAt, string error) =>
        db.OutboxMails.Where(mail => mail.Id == id && mail.ClaimedBy == instance)
            .ExecuteUpdateAsync(update => update
                .SetProperty(mail => mail.Attempts, mail => mail.Attempts + 1)
                .SetProperty(mail => mail.NextAttemptAt, nextAttemptAt)
                .SetProperty(mail => mail.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(mail => mail.LastError, error.Length > 1000 ? error[..1000] : error));

    /// <summary>Deletes sent mails older than <see cref="KeepSent"/>.</summary>
    public Task<int> PurgeSentAsync()
    {
        var before = time.GetUtcNow() - KeepSent;
        return db.OutboxMails.Where(mail => mail.SentAt != null && mail.SentAt < before).ExecuteDeleteAsync();
    }
}
