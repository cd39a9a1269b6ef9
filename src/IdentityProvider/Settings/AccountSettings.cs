namespace IdentityProvider.Settings;

/// <summary>
/// <c>Lockout:*</c>: ASP.NET Core Identity's lockout after consecutive failed sign-in attempts, and the growing
/// delays per client address that come before it (<c>FreeAttemptsPerAddress</c>, <c>MaxDelayMinutes</c>).
/// </summary>
public sealed record LockoutSettings(int MaxFailedAttempts, int DurationMinutes, int FreeAttemptsPerAddress, int MaxDelayMinutes)
{
    public static LockoutSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Lockout");
        return new LockoutSettings(
            SettingsReader.Int(section, "MaxFailedAttempts", 5, 1, 100),
            SettingsReader.Int(section, "DurationMinutes", 15, 1, 7 * 24 * 60),
            SettingsReader.Int(section, "FreeAttemptsPerAddress", 3, 1, 100),
            SettingsReader.Int(section, "MaxDelayMinutes", 60, 1, 24 * 60));
    }
}
