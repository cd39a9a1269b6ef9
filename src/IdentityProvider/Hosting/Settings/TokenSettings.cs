namespace IdentityProvider.Hosting.Settings;

/// <summary><c>Tokens:*</c>: lifetimes of issued tokens and the personal access token policy.</summary>
public sealed record TokenSettings(
    bool AllowSignInByToken,
    int DefaultLifetimeDays,
    int MaxLifetimeDays,
    int AccessTokenLifetimeMinutes)
{
    public static TokenSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Tokens");
        var maxLifetime = SettingsReader.Int(section, "MaxLifetimeDays", 365, 0, 3650);
        var defaultLifetime = SettingsReader.Int(section, "DefaultLifetimeDays", 90, 1, 3650);
        if (maxLifetime > 0 && defaultLifetime > maxLifetime)
        {
            throw new InvalidConfigurationException("Tokens:DefaultLifetimeDays", $"must not exceed Tokens:MaxLifetimeDays ({maxLifetime}).");
        }

        // Checked here so a bad key stops the start with one line; the key itself is read where it is used.
        PersonalAccessTokens.TokenHasherSource.ParseConfiguredKey(section["HashKey"]);

        return new TokenSettings(
            SettingsReader.Bool(section, "AllowSignInByToken", false),
            defaultLifetime,
            maxLifetime,
            SettingsReader.Int(section, "AccessTokenLifetimeMinutes", 15, 1, 24 * 60));
    }
}
