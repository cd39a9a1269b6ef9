namespace IdentityProvider.RecoveryCodes;

public static class RecoveryCodeServices
{
    public static IServiceCollection AddRecoveryCodes(this IServiceCollection services) => services;
}
