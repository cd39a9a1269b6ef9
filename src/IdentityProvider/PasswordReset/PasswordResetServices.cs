namespace IdentityProvider.PasswordReset;

public static class PasswordResetServices
{
    /// <summary>Forgotten-password reset by e-mail: requests (limited, one answer), links, and the second step on the reset page.</summary>
    public static IServiceCollection AddPasswordReset(this IServiceCollection services) =>
        services.AddSingleton<PasswordResetThrottle>()
            .AddScoped<PasswordResetRequests>()
            .AddScoped<PasswordResetLinks>()
            .AddScoped<ResetSecondStep>();
}
