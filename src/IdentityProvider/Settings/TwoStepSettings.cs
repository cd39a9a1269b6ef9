namespace IdentityProvider.Settings;

/// <summary><c>TwoStep:*</c>: the two-step policy's defaults (the admin area will store overrides).</summary>
public sealed record TwoStepSettings(
    int TotpWindow,
    int HotpLookAhead,
    int MaxFailedAttempts,
    bool RequiredForEveryone,
    string[] RequiredForRoles,
    int GracePeriodDays,
    int RememberBrowserDays,
    IReadOnlyDictionary<string, int> RememberBrowserDaysByRole,
    bool RecoveryCodesEnabled)
{
    public static TwoStepSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("TwoStep");
        var byRoleSection = section.GetSection("RememberBrowserDaysByRole");
        var byRole = byRoleSection.GetChildren().ToDictionary(
            child => child.Key,
            child => SettingsReader.Int(byRoleSection, child.Key, 0, 0, 365),
            StringComparer.OrdinalIgnoreCase);
        return new TwoStepSettings(
            SettingsReader.Int(section, "TotpWindow", 1, 0, 10),
            SettingsReader.Int(section, "HotpLookAhead", 10, 0, 100),
            SettingsReader.Int(section, "MaxFailedAttempts", 5, 1, 100),
            SettingsReader.Bool(section, "RequiredForEveryone", false),
            SettingsReader.List(section, "RequiredForRoles"),
            SettingsReader.Int(section, "GracePeriodDays", 7, 0, 365),
            SettingsReader.Int(section, "RememberBrowserDays", 30, 0, 365),
            byRole,
            SettingsReader.Bool(section, "RecoveryCodesEnabled", true));
    }
}
