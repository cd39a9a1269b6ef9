namespace IdentityProvider.RecoveryCodes;

public static class RecoveryCodeServices
{
    /// <summary>Recovery codes: the store (salted hashes, spent atomically) and the issuer that logs each new set.</summary>
    public static IServiceCollection AddRecoveryCodes(this IServiceCollection services) =>
        services.AddScoped<RecoveryCodeStore>()
            .AddScoped<RecoveryCodeIssuer>()
            .AddScoped<IssuedRecoveryCodes>();
}
