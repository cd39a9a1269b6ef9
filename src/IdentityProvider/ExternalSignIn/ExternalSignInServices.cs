using IdentityProvider.Settings;

namespace IdentityProvider.ExternalSignIn;

public static class ExternalSignInServices
{
    /// <summary>The links and the sign-in through upstream providers; without providers only the link store and its readers.</summary>
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddScoped<ExternalLogins>()
            .AddScoped<ExternalAccountResolver>()
            .AddScoped<PendingLink>()
            .AddScoped<ExternalSignInCompletion>();
        return settings.ExternalProviders.Length == 0 ? services : services.AddScoped<ExternalChallenge>();
    }
}
