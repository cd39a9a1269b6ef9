namespace IdentityProvider.PersonalAccessTokens;

public static class PersonalAccessTokenServices
{
    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services) => services;
}
