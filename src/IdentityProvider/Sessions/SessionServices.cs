namespace IdentityProvider.Sessions;

public static class SessionServices
{
    public static IServiceCollection AddSessions(this IServiceCollection services) =>
        services.AddScoped<SessionSignIn>().AddScoped<ServerSessions>();
}
