using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.Property(code => code.UserId).HasMaxLength(450);
        builder.Property(code => code.Salt).HasMaxLength(16);
        builder.Property(code => code.Hash).HasMaxLength(32);
        builder.HasIndex(code => code.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(code => code.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
