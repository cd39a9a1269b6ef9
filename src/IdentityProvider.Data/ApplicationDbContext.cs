using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.Data;

/// <summary>
/// The provider's one database: Identity users and roles, OpenIddict applications, authorizations
/// and tokens, Data Protection keys, and the provider's own state. Instances keep nothing else,
/// so any number of them can share it.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Identity's schema version: 3 maps the passkeys table (<c>AspNetUserPasskeys</c>). Identity reads it from
    /// <c>IdentityOptions.Stores</c> in the application's services: the provider sets it there; a context made without
    /// them (the migrations' design-time factories, tests) is given services with the same option (<see cref="OnConfiguring"/>).
    /// </summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    /// <summary>One for every such context: Entity Framework keeps an internal service provider per application one.</summary>
    private static readonly IServiceProvider SchemaServices = new ServiceCollection()
        .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersion)
        .BuildServiceProvider();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerSecret> ServerSecrets => Set<ServerSecret>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<OtpDevice> OtpDevices => Set<OtpDevice>();

    public DbSet<RememberedBrowser> RememberedBrowsers => Set<RememberedBrowser>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<StoredSetting> StoredSettings => Set<StoredSetting>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ShowOnceTicket> ShowOnceTickets => Set<ShowOnceTicket>();

    public DbSet<HardwareToken> HardwareTokens => Set<HardwareToken>();

    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<PasskeyLastUse> PasskeyLastUses => Set<PasskeyLastUse>();

    /// <summary>
    /// Warning: without the application's services Identity would build its version 1 model, without passkeys, and the
    /// migrations would drop the table; such a context gets services that only name the schema version.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(SchemaServices);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Note: SQLite cannot compare or order DateTimeOffset text; stored as UTC ticks, it can.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        KeepVersionOneColumns(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }

    /// <summary>
    /// Schema version 3 also caps columns version 1 left unbounded (login and token keys at 128, the phone number at 256);
    /// the provider's tables were made by version 1 and keep their columns, so the passkeys table is version 3's only change.
    /// </summary>
    private static void KeepVersionOneColumns(ModelBuilder builder)
    {
        builder.Entity<ApplicationUser>().Property(user => user.PhoneNumber).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserLogin<string>>().Property(login => login.LoginProvider).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserLogin<string>>().Property(login => login.ProviderKey).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserToken<string>>().Property(token => token.LoginProvider).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserToken<string>>().Property(token => token.Name).Metadata.SetMaxLength(null);
    }
}
