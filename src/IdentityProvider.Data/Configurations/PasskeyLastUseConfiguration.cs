using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class PasskeyLastUseConfiguration : IEntityTypeConfiguration<PasskeyLastUse>
{
    public void Configure(EntityTypeBuilder<PasskeyLastUse> builder)
    {
        builder.ToTable("PasskeyLastUses");
        builder.HasKey(use => use.CredentialId);
        builder.Property(use => use.CredentialId).HasMaxLength(1024);
        builder.HasOne<IdentityUserPasskey<string>>().WithOne().HasForeignKey<PasskeyLastUse>(use => use.CredentialId).OnDelete(DeleteBehavior.Cascade);
    }
}
