namespace IdentityProvider.Settings;

/// <summary>
/// <c>Ui:*</c>: the languages the pages and mails offer (<c>Languages</c>, from those the provider has texts for),
/// the one used when the browser asks for none of them (<c>DefaultLanguage</c>), and the time zone for times when
/// the browser has not told its own (<c>TimeZone</c>, an IANA name such as <c>Europe/Moscow</c>).
/// </summary>
public sealed record UiSettings(string DefaultLanguage, string[] Languages, TimeZoneInfo TimeZone)
{
    /// <summary>The languages the provider has texts for: every resource file exists in each.</summary>
    public static readonly string[] Translated = ["en", "ru"];

    public static UiSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Ui");
        var languages = SettingsReader.List(section, "Languages").Select(language => language.ToLowerInvariant()).Distinct().ToArray();
        if (languages.Length == 0)
        {
            languages = Translated;
        }

        if (languages.FirstOrDefault(language => !Translated.Contains(language)) is { } unknown)
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Languages"),
                $"has '{unknown}'; the provider speaks {string.Join(", ", Translated)}.");
        }

        var defaultLanguage = section["DefaultLanguage"]?.Trim().ToLowerInvariant() is { Length: > 0 } configured ? configured : languages[0];
        if (!languages.Contains(defaultLanguage))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "DefaultLanguage"),
                $"must be one of Ui:Languages ({string.Join(", ", languages)}; found '{defaultLanguage}').");
        }

        var zoneName = section["TimeZone"]?.Trim() is { Length: > 0 } zone ? zone : "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var timeZone))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "TimeZone"),
                $"must be a time zone name such as Europe/Moscow or UTC (found '{zoneName}').");
        }

        return new UiSettings(defaultLanguage, languages, timeZone);
    }
}
