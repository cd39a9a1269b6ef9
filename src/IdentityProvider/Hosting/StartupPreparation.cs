using IdentityProvider.Policy;
using IdentityProvider.ServerSecrets;
using IdentityProvider.Settings;

namespace IdentityProvider.Hosting;

public static class StartupPreparation
{
    /// <summary>
    /// Runs before the provider serves its first request: migrate the database, load (or generate once) the
    /// signing keys, then seed the configured users and clients.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app, ProviderSettings settings)
    {
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await DatabaseSetup.MigrateAsync(app.Services, settings.Database, cancellationToken);
        if (settings.Keys.KeepsDataProtectionKeysUnencrypted)
        {
            app.Logger.LogInformation(
                "Development keys: Data Protection keys are kept unencrypted in the database ({Provider}); set Keys:DataProtectionCertificates to encrypt them",
                settings.Database.Provider);
        }

        await app.Services.GetRequiredService<SigningKeys>().LoadAsync(app.Services, cancellationToken);
        // Before the first request, so no request sees the configured defaults when a stored policy exists.
        await app.Services.GetRequiredService<PolicyStore>().RefreshAsync(cancellationToken);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserSeeding>().SeedAsync(settings.Seed.Users);
        await scope.ServiceProvider.GetRequiredService<ClientSeeding>().SeedAsync(settings.Seed.Clients);
    }

    public static IServiceCollection AddSeeding(this IServiceCollection services) =>
        services.AddScoped<UserSeeding>().AddScoped<ClientSeeding>().AddScoped<ServerSecretStore>();
}
