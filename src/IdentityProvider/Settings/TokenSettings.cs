namespace IdentityProvider.Settings;

/// <summary><c>Tokens:*</c>: lifetimes of issued tokens and the personal access token policy.</summary>
/// <param name="HashKey">The configured <c>Tokens:HashKey</c>; null means a generated key kept in the database.</param>
public sealed record TokenSettings(
    bool AllowSignInByToken,
    int DefaultLifetimeDays,
    int MaxLifetimeDays,
    int AccessTokenLifetimeMinutes,
    byte[]? HashKey)
{
    public const string HashKeyName = "Tokens:HashKey";

    /// <summary>The shortest HMAC key accepted for personal access token hashes (256 bits).</summary>
    public const int MinHashKeyLength = 32;

    public static TokenSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Tokens");
        var maxLifetime = SettingsReader.Int(section, "MaxLifetimeDays", 365, 0, 3650);
        var defaultLifetime = SettingsReader.Int(section, "DefaultLifetimeDays", 90, 1, 3650);
        if (maxLifetime > 0 && defaultLifetime > maxLifetime)
        {
            throw new InvalidConfigurationException("Tokens:DefaultLifetimeDays", $"must not exceed Tokens:MaxLifetimeDays ({maxLifetime}).");
        }

        return new TokenSettings(
            SettingsReader.Bool(section, "AllowSignInByToken", false),
            defaultLifetime,
            maxLifetime,
            SettingsReader.Int(section, "AccessTokenLifetimeMinutes", 15, 1, 24 * 60),
            ParseHashKey(section["HashKey"]));
    }

    /// <summary>The configured key, or null when none is set. A bad value names the key, like every other setting.</summary>
    public static byte[]? ParseHashKey(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        // Note: the message never repeats the value: it is a secret.
        var buffer = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw.Trim(), buffer, out var length))
        {
            throw new InvalidConfigurationException(HashKeyName, "must be base64.");
        }

        if (length < MinHashKeyLength)
        {
            throw new InvalidConfigurationException(HashKeyName, $"must decode to at least {MinHashKeyLength} bytes (found {length}).");
        }

        return buffer[..length];
    }
}
