namespace IdentityProvider.Settings;

/// <summary><c>RateLimiting:*</c>: requests per minute per client address.</summary>
public sealed record RateLimitSettings(int SignInPerMinute, int TokenPerMinute)
{
    public static RateLimitSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        return new RateLimitSettings(
            SettingsReader.Int(section, "SignInPerMinute", 30, 1, 1_000_000),
            SettingsReader.Int(section, "TokenPerMinute", 600, 1, 10_000_000));
    }
}
