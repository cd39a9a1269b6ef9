namespace IdentityProvider.Auditing;

public static class AuditingServices
{
    public static IServiceCollection AddAuditing(this IServiceCollection services) => services.AddScoped<SecurityLog>();
}
