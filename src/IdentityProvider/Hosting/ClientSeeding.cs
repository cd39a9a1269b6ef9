using IdentityProvider.Admin.Api;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Hosting;

/// <summary>Registers the configured relying parties and their scopes when missing; never changes an existing one.</summary>
internal sealed class ClientSeeding(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    ILogger<ClientSeeding> logger)
{
    /// <summary>Scopes OpenIddict knows without a scope entry.</summary>
    private static readonly string[] StandardScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess];

    public async Task SeedAsync(IEnumerable<SeedClient> clients)
    {
        // The admin API's scope exists on every provider, so an administrator can grant it to a service client.
        if (await scopes.FindByNameAsync(AdminApiAccess.Scope) is null)
        {
            await scopes.CreateAsync(new OpenIddictScopeDescriptor
            {
                Name = AdminApiAccess.Scope,
                DisplayName = "Administration API",
                Description = "Manage users, clients, policy and the security log of this provider.",
            });
        }

        foreach (var client in clients)
        {
            foreach (var scope in client.Scopes.Except(StandardScopes))
            {
                if (await scopes.FindByNameAsync(scope) is null)
                {
                    await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = scope, DisplayName = scope });
                }
            }

            if (await applications.FindByClientIdAsync(client.ClientId) is null)
            {
                await applications.CreateAsync(ClientDescriptors.Create(client));
                logger.LogInformation("Registered client {ClientId}", client.ClientId);
            }
        }
    }
}
