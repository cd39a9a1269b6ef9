using IdentityProvider.Policy;
using IdentityProvider.Settings;

namespace IdentityProvider.PersonalAccessTokens;

public static class PersonalAccessTokenServices
{
    /// <summary>Personal access tokens: the policy, the hash key (loaded once at start), and the account pages' service (the grant itself is in Connect).</summary>
    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services) =>
        services.AddSingleton(provider => new TokenPolicy(provider.GetRequiredService<ICurrentPolicy>(), provider.GetRequiredService<ProviderSettings>().Tokens))
            .AddSingleton<TokenHasherSource>()
            .AddHostedService<TokenHasherWarmUp>()
            .AddScoped<TokenScopes>()
            .AddScoped<UserTokens>()
            .AddScoped<TokenPermissions>();
}
