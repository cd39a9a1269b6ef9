namespace IdentityProvider.HardwareTokens;

public static class HardwareTokenServices
{
    /// <summary>The inventory and what administrators do with it (pages and admin API alike).</summary>
    public static IServiceCollection AddHardwareTokens(this IServiceCollection services) =>
        services.AddScoped<HardwareTokenInventory>()
            .AddScoped<HardwareTokenRegistration>()
            .AddScoped<HardwareTokenAssignment>()
            .AddScoped<HardwareTokenCodes>();
}
