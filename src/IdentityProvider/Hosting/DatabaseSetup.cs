using IdentityProvider.Data;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Hosting;

public static class DatabaseSetup
{
    /// <summary>The one database for everything (instances are stateless: docs/ARCHITECTURE.md), on SQLite or PostgreSQL.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, DatabaseSettings settings, KeySettings keys)
    {
        // Pooled: a context per request is the costliest object on the token endpoint's path.
        services.AddDbContextPool<ApplicationDbContext>(options =>
        {
            switch (settings.Provider)
            {
                case DatabaseProvider.Postgres:
                    options.UseNpgsql(settings.ConnectionString, npgsql => npgsql
                        .MigrationsAssembly("IdentityProvider.Migrations.Postgres")
                        .EnableRetryOnFailure(3));
                    break;
                default:
                    options.UseSqlite(settings.ConnectionString, sqlite => sqlite
                        .MigrationsAssembly("IdentityProvider.Migrations.Sqlite"));
                    break;
            }

            options.UseOpenIddict();
        });

        // Note: keys in the database let every instance read cookies and secrets written by any other.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("IdentityProvider")
            .PersistKeysToDbContext<ApplicationDbContext>();
        if (keys.DataProtectionCertificates.Length > 0)
        {
            // The newest certificate encrypts new keys; all of them can still decrypt older ones (rotation).
            dataProtection.ProtectKeysWithCertificate(keys.DataProtectionCertificates[0])
                .UnprotectKeysWithAnyCertificate(keys.DataProtectionCertificates);
        }
        else if (keys.KeepsDataProtectionKeysUnencrypted)
        {
            // Development keeps its keys readable in its own database, as it keeps its signing keys; StartupPreparation
            // says so in one line at start instead of a warning for every key (Production still warns without a certificate).
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new NullXmlEncryptor());
        }

        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Applies pending migrations unless <c>Database:MigrateOnStart</c> is false.</summary>
    public static async Task MigrateAsync(IServiceProvider services, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.MigrateOnStart)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
