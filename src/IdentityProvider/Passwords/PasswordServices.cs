namespace IdentityProvider.Passwords;

public static class PasswordServices
{
    public static IServiceCollection AddPasswords(this IServiceCollection services) => services.AddScoped<OwnPasswords>();
}
