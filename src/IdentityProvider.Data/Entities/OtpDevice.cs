namespace IdentityProvider.Data.Entities;

/// <summary>
/// An authenticator (an app, or an assigned hardware token) of one user. Inactive until the user
/// confirmed it with a code. Warning: <see cref="LastAcceptedStep"/> and <see cref="NextCounter"/> only
/// move forward, and only through one conditional UPDATE, so a code is accepted at most once.
/// </summary>
public sealed class OtpDevice
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><c>totp</c> or <c>hotp</c>.</summary>
    public string Type { get; set; } = "totp";

    /// <summary><c>SHA1</c>, <c>SHA256</c> or <c>SHA512</c>.</summary>
    public string Algorithm { get; set; } = "SHA1";

    public int Digits { get; set; } = 6;

    public int PeriodSeconds { get; set; } = 30;

    /// <summary>The seed, encrypted with ASP.NET Core Data Protection; never shown after enrolment.</summary>
    public string ProtectedSecret { get; set; } = "";

    public bool IsActive { get; set; }

    /// <summary>TOTP: the last time step accepted (-1 before the first).</summary>
    public long LastAcceptedStep { get; set; } = -1;

    /// <summary>TOTP: how many steps the device's clock runs ahead (+) or behind (-).</summary>
    public long DriftSteps { get; set; }

    /// <summary>HOTP: the lowest counter value still acceptable.</summary>
    public long NextCounter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The inventory token this device is, when an administrator assigned one; null for an app. Only administrators remove it.</summary>
    public Guid? HardwareTokenId { get; set; }
}
