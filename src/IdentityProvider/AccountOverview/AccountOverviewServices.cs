namespace IdentityProvider.AccountOverview;

public static class AccountOverviewServices
{
    /// <summary>The account page's read side: the state of each section, and the user's own security activity.</summary>
    public static IServiceCollection AddAccountOverview(this IServiceCollection services) =>
        services.AddScoped<AccountStatusReader>()
            .AddScoped<SecurityActivity>();
}
