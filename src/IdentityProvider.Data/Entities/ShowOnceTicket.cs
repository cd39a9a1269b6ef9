namespace IdentityProvider.Data.Entities;

/// <summary>
/// The server's half of something usable once: a secret shown once (a new recovery-code set between the POST that made it
/// and the page that shows it: the page shows the secret only while it can delete this row, so a replayed cookie shows
/// nothing), and a passkey ceremony's challenge (<c>Passkeys.PasskeyCeremonyState</c>: the answer is checked only while
/// its row can be deleted, so a replayed answer is refused).
/// </summary>
public sealed class ShowOnceTicket
{
    public Guid Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
