namespace IdentityProvider.Profiles;

public static class ProfileServices
{
    /// <summary>The profile changes the account page and the administrators make (<see cref="UserProfiles"/>).</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddScoped<UserProfiles>();
}
