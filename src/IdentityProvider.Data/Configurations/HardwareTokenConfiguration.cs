using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class HardwareTokenConfiguration : IEntityTypeConfiguration<HardwareToken>
{
    public void Configure(EntityTypeBuilder<HardwareToken> builder)
    {
        builder.ToTable("HardwareTokens");
        builder.Property(token => token.Serial).HasMaxLength(64);
        builder.Property(token => token.Model).HasMaxLength(100);
        builder.Property(token => token.Type).HasMaxLength(8);
        builder.Property(token => token.Algorithm).HasMaxLength(8);
        builder.Property(token => token.ProtectedSeed).HasMaxLength(2000);
        builder.Property(token => token.Status).HasMaxLength(16);
        builder.Property(token => token.UserId).HasMaxLength(450);
        builder.HasIndex(token => token.Serial).IsUnique();
        builder.HasIndex(token => new { token.Status, token.Serial });
        builder.HasIndex(token => token.UserId);
        // A deleted user's tokens are released first (HardwareTokenAssignment); the FK only guards the rest.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(token => token.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
