using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IdentityProvider.Data;

/// <summary>
/// The provider's one database: Identity users and roles, OpenIddict applications, authorizations
/// and tokens, Data Protection keys, and the provider's own state. Instances keep nothing else,
/// so any number of them can share it.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
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
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
