using IdentityProvider.Sessions;

namespace IdentityProvider.Impersonation;

public static class ImpersonationServices
{
    public static IServiceCollection AddImpersonation(this IServiceCollection services) =>
        services.AddScoped<Impersonations>()
            .AddScoped<ISessionEndHandler, ImpersonationSessionEnd>()
            .AddSingleton<ImpersonationChangeGuard>();
}
