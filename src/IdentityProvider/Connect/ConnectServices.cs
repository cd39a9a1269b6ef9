namespace IdentityProvider.Connect;

public static class ConnectServices
{
    /// <summary>The protocol's own services; OpenIddict's server itself is set up by <c>Hosting/OpenIddictSetup</c>.</summary>
    public static IServiceCollection AddConnect(this IServiceCollection services) =>
        services.AddScoped<ClaimsFactory>()
            .AddScoped<PersonalAccessTokenGrant>()
            .AddScoped<SingleUseGrants>()
            .AddSingleton<AccessTokenWriter>()
            .AddHostedService<ExchangeWarmUp>();
}
