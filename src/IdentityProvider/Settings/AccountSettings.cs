namespace IdentityProvider.Settings;

/// <summary><c>Lockout:*</c>: ASP.NET Core Identity's lockout after consecutive failed sign-in attempts.</summary>
public sealed record LockoutSettings(int MaxFailedAttempts, int DurationMinutes)
{
    public static LockoutSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Lockout");
        return new LockoutSettings(
            SettingsReader.Int(section, "MaxFailedAttempts", 5, 1, 100),
            SettingsReader.Int(section, "DurationMinutes", 15, 1, 7 * 24 * 60));
    }
}
