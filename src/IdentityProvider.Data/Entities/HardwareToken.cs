namespace IdentityProvider.Data.Entities;

/// <summary>
/// A hardware OTP token of the inventory: registered from a vendor's seed file or by hand, then in stock,
/// assigned to one user (an <see cref="OtpDevice"/> of that user points at it), disabled or lost.
/// </summary>
/// <remarks>
/// Warning: while the token is assigned, its OTP state (counter, last step, drift) lives on the user's device,
/// which sign-in moves forward; the columns here hold it only while no device does, and are written back when
/// the device goes, so a code once accepted is never accepted again, whoever holds the token next.
/// </remarks>
public sealed class HardwareToken
{
    public Guid Id { get; set; }

    /// <summary>The serial printed on the token, unique in the inventory.</summary>
    public string Serial { get; set; } = "";

    /// <summary>The vendor's model or a description; optional.</summary>
    public string? Model { get; set; }

    /// <summary><c>totp</c> or <c>hotp</c>.</summary>
    public string Type { get; set; } = "hotp";

    /// <summary><c>SHA1</c>, <c>SHA256</c> or <c>SHA512</c>.</summary>
    public string Algorithm { get; set; } = "SHA1";

    public int Digits { get; set; } = 6;

    public int PeriodSeconds { get; set; } = 30;

    /// <summary>The seed, encrypted like an app device's secret; never shown or exported.</summary>
    public string ProtectedSeed { get; set; } = "";

    /// <summary><c>in-stock</c>, <c>assigned</c>, <c>disabled</c> or <c>lost</c>.</summary>
    public string Status { get; set; } = "in-stock";

    /// <summary>The user who holds the token (assigned, or disabled or lost while held); null in stock.</summary>
    public string? UserId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>When a code of this token was last accepted, as of the last time its device went.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>HOTP: the lowest counter value still acceptable.</summary>
    public long NextCounter { get; set; }

    /// <summary>TOTP: the last time step accepted (-1 before the first).</summary>
    public long LastAcceptedStep { get; set; } = -1;

    /// <summary>TOTP: how many steps the token's clock runs ahead (+) or behind (-).</summary>
    public long DriftSteps { get; set; }
}
