using IdentityProvider.Admin.Clients;
using IdentityProvider.Admin.Dashboard;
using IdentityProvider.Admin.Policy;
using IdentityProvider.Admin.Scopes;
using IdentityProvider.Admin.SecurityEvents;
using IdentityProvider.Admin.Users;
using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Admin;

public static class AdminServices
{
    /// <summary>The services the admin pages and the admin API share, and the admin area's session rules and policies.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services) =>
        services.AddAuthorization(options =>
            {
                options.AddPolicy(AdminPolicy.Name, AdminPolicy.Build);
                options.AddPolicy(UserManagementPolicy.Name, UserManagementPolicy.Build);
            })
            .AddScoped<UserDirectory>()
            .AddScoped<KnownRoles>()
            .AddScoped<AdminEntry>()
            .AddScoped<UserAdministration>()
            .AddScoped<PolicyAdministration>()
            .AddScoped<ClientAdministration>()
            .AddScoped<ScopeAdministration>()
            .AddScoped<SecurityEventQuery>()
            .AddScoped<UserAccess>()
            .AddScoped<PasswordLinks>()
            .AddSingleton<IAuthorizationHandler, RecentSecondStepHandler>()
            .AddSingleton<FreshSecondStepFilter>()
            .AddSingleton<AdministratorsOnlyFilter>()
            .AddScoped<UserHardwareTokens>()
            .AddScoped<UserTwoStepAdministration>()
            .AddScoped<UserTokenAdministration>()
            .AddScoped<AdminDashboard>();
}
