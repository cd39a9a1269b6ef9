namespace IdentityProvider.Data.Entities;

/// <summary>
/// A document of settings an administrator changed at run time (e.g. the policy), as JSON. Every instance polls
/// <see cref="Version"/> to pick up a change without a restart; configuration supplies the defaults.
/// </summary>
public sealed class StoredSetting
{
    public string Name { get; set; } = "";

    public string Json { get; set; } = "";

    /// <summary>Raised by one on every change, so instances compare a number instead of the document.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The administrator (user id) or client that made the change.</summary>
    public string? UpdatedBy { get; set; }
}
