using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Users;

public static class UserServices
{
    /// <summary>The provider's own services around Identity's users (Identity itself is set up by <c>Hosting/IdentitySetup</c>).</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services, LockoutSettings lockout) =>
        // Note: Identity registers its normalizer per request; the throttle lives as long as the host, so it keeps its own
        // instance of Identity's default (stateless) one.
        services.AddSingleton(provider => new SignInThrottle(lockout, provider.GetRequiredService<TimeProvider>(), new UpperInvariantLookupNormalizer()))
            .AddScoped<PasswordStep>()
            .AddScoped<UserLanguages>();
}
