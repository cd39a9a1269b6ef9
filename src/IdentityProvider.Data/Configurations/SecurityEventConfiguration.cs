using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("SecurityEvents");
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ClientId).HasMaxLength(200);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(256);
        builder.Property(e => e.Methods).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
