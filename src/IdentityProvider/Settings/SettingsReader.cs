using System.Globalization;

namespace IdentityProvider.Settings;

/// <summary>
/// Reads single configuration values with their defaults, turning a bad value into an
/// <see cref="InvalidConfigurationException"/> that names the full key.
/// </summary>
internal static class SettingsReader
{
    public static int Int(IConfigurationSection section, string name, int defaultValue, int min, int max)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return defaultValue;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidConfigurationException(Key(section, name), $"must be a whole number from {min} to {max} (found '{raw}').");
        }

        return value;
    }

    public static bool Bool(IConfigurationSection section, string name, bool defaultValue)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return defaultValue;
        }

        return bool.TryParse(raw, out var value)
            ? value
            : throw new InvalidConfigurationException(Key(section, name), $"must be true or false (found '{raw}').");
    }

    public static TEnum Enum<TEnum>(IConfigurationSection section, string name, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return defaultValue;
        }

        return System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(raw, out _)
            ? value
            : throw new InvalidConfigurationException(Key(section, name), $"must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())} (found '{raw}').");
    }

    public static string[] List(IConfigurationSection section, string name) =>
        section.GetSection(name).GetChildren().Select(child => child.Value).OfType<string>()
            .Select(value => value.Trim()).Where(value => value.Length > 0).ToArray();

    public static string Key(IConfigurationSection section, string name) => $"{section.Path}:{name}";

    /// <summary>The trimmed value; a missing or blank one stops the start naming the key.</summary>
    public static string Required(IConfigurationSection section, string name) =>
        section[name]?.Trim() is { Length: > 0 } value
            ? value
            : throw new InvalidConfigurationException(Key(section, name), "is required.");
}
