namespace IdentityProvider.Data.Entities;

/// <summary>
/// A mail waiting in the outbox (or sent): pages only add rows, a background sender on any instance claims and
/// sends them, so a slow or absent mail server never slows a page and a stopped process loses nothing.
/// Warning: the bodies may hold a password-reset link (a secret); they are emptied once the mail is sent.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; }

    /// <summary>What the mail is about, e.g. <c>password-reset</c> or a security event kind; for limits and the log.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The account it was sent for, when there is one (counts the per-account reset limit).</summary>
    public string? UserId { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this moment: now for a new mail, later after a failure (back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The instance sending it right now, until <see cref="ClaimedUntil"/>; a crashed sender's claim expires.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed (the mail server's answer), for operators.</summary>
    public string? LastError { get; set; }
}
