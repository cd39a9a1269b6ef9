namespace IdentityProvider.Data.Entities;

/// <summary>
/// The server's half of a secret shown once (a new recovery-code set between the POST that made it and the page that
/// shows it): the page shows the secret only while it can delete this row, so a replayed cookie shows nothing.
/// </summary>
public sealed class ShowOnceTicket
{
    public Guid Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
