namespace IdentityProvider.Admin;

public static class AdminServices
{
    /// <summary>The services the admin pages share (and, later, the admin API).</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services) =>
        services.AddScoped<UserDirectory>();
}
