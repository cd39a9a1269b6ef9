namespace IdentityProvider.RecoveryCodes;

public static class RecoveryCodeServices
{
    /// <summary>Recovery codes and the administrator's help for a user who lost the device.</summary>
    public static IServiceCollection AddRecoveryCodes(this IServiceCollection services) =>
        services.AddScoped<RecoveryCodeStore>()
            .AddScoped<RecoveryCodeIssuer>()
            .AddScoped<TwoStepSuspension>();
}
