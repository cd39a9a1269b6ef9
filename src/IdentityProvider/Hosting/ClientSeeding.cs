using IdentityProvider.Admin.Api;
using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;

namespace IdentityProvider.Hosting;

/// <summary>
/// Registers the configured relying parties and their custom scopes when missing; never changes an existing one (an
/// administrator may have edited it since). A standard scope the provider does not serve stops the start.
/// </summary>
internal sealed class ClientSeeding(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    ChangeAnnouncer changes,
    ILogger<ClientSeeding> logger)
{
    public async Task SeedAsync(IReadOnlyList<SeedClient> clients)
    {
        // Before anything is written: a standard scope the provider does not serve (address) stops the start, the same
        // rule the admin pages and API apply (Clients/StandardScopes), so it is never registered as a custom scope.
        foreach (var client in clients)
        {
            if (client.Scopes.Select(StandardScopes.Refusal).OfType<Sentence>().FirstOrDefault() is { } refusal)
            {
                throw new InvalidConfigurationException("Seed:Clients", $"client {client.ClientId}: {refusal.English}");
            }
        }

        // The admin API's scopes exist on every provider, so an administrator can grant them to a service client.
        await SeedScopeAsync(AdminApiAccess.Scope, "Administration API", "Manage users, clients, policy and the security log of this provider.");
        await SeedScopeAsync(AdminApiAccess.UsersScope, "User management API",
            "Find users and help them with access: lock, unlock, passwords, two-step sign-in, tokens (never an administrator's account).");

        foreach (var client in clients)
        {
            foreach (var scope in client.Scopes.Except(StandardScopes.All))
            {
                await SeedScopeAsync(scope, scope, description: null);
            }

            if (await applications.FindByClientIdAsync(client.ClientId) is null)
            {
                await applications.CreateAsync(ClientDescriptors.Create(Registration(client), client.ClientSecret));
                logger.LogInformation("Registered client {ClientId}", client.ClientId);
            }
        }
    }

    /// <summary>Registers the scope when missing; the instances already running list it in discovery once told (<see cref="ChangeAnnouncer"/>).</summary>
    private async Task SeedScopeAsync(string name, string displayName, string? description)
    {
        if (await scopes.FindByNameAsync(name) is null)
        {
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = name, DisplayName = displayName, Description = description });
            await changes.AnnounceAsync(ChangeKinds.Scopes, "seeding");
        }
    }

    /// <summary>The configured client as the shared registration model (the PAT grant by its protocol name).</summary>
    private static ClientRegistration Registration(SeedClient client) => new(
        client.ClientId,
        client.DisplayName,
        client.ClientSecret is null ? ClientRegistration.Public : ClientRegistration.Confidential,
        [.. client.RedirectUris.Select(uri => uri.OriginalString)],
        [.. client.PostLogoutRedirectUris.Select(uri => uri.OriginalString)],
        [.. client.GrantTypes.Select(grantType => grantType == SeedSettings.PersonalAccessTokenGrant ? ClientGrantTypes.PersonalAccessToken : grantType)],
        client.Scopes,
        client.ConsentType,
        client.RefusesImpersonation);
}
