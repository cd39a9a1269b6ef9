using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdentityProvider.Passkeys;

public static class PasskeyServices
{
    /// <summary>
    /// Passkeys (WebAuthn) on Identity's own handler and store: the relying party the issuer names
    /// (<see cref="PasskeyRelyingParty"/>), the ceremonies (<see cref="PasskeyCeremonies"/>) and the user's list (<see cref="UserPasskeys"/>).
    /// </summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services, ServerSettings server)
    {
        services.Configure<IdentityPasskeyOptions>(options => PasskeyRelyingParty.Configure(options, server));
        services.TryAddScoped<IPasskeyHandler<Data.Entities.ApplicationUser>, PasskeyHandler<Data.Entities.ApplicationUser>>();
        return services.AddScoped<PasskeyCeremonyState>()
            .AddScoped<PasskeyCeremonies>()
            .AddScoped<UserPasskeys>()
            .AddScoped<PasswordlessSignIn>();
    }
}
