namespace IdentityProvider.Data.Entities;

/// <summary>One line of the security log: who did what to which account, from where. Never a secret.</summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>A stable event name, e.g. <c>sign-in.password-failed</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The account the event concerns, when known.</summary>
    public string? UserId { get; set; }

    /// <summary>The administrator who acted on the account, when it was not its owner.</summary>
    public string? ActorId { get; set; }

    public string? ClientId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>The browser's User-Agent header as it sent it (trimmed, at most 256 characters), when the event came from a request.</summary>
    public string? UserAgent { get; set; }

    /// <summary>On a completed sign-in: what it proved, as <c>amr</c> values separated by spaces (<c>pwd otp mfa</c>); null otherwise.</summary>
    public string? Methods { get; set; }

    /// <summary>Free text for people reading the log; must not hold a secret.</summary>
    public string? Detail { get; set; }
}
