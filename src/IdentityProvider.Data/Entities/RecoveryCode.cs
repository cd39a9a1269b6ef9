namespace IdentityProvider.Data.Entities;

/// <summary>
/// One code of a user's current recovery-code set, as a salted hash (never the code). Generating a new
/// set deletes the old one. Warning: spent only by a conditional UPDATE on <see cref="SpentAt"/> being null.
/// </summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public byte[] Salt { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SpentAt { get; set; }
}
