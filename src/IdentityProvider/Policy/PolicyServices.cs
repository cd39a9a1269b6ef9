namespace IdentityProvider.Policy;

public static class PolicyServices
{
    /// <summary>The policy in force (from memory), refreshed from the database every 2 seconds.</summary>
    public static IServiceCollection AddPolicy(this IServiceCollection services) =>
        services.AddSingleton<PolicyStore>()
            .AddSingleton<ICurrentPolicy>(provider => provider.GetRequiredService<PolicyStore>())
            .AddHostedService<PolicyRefresher>();
}
