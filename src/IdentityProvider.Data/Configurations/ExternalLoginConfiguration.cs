using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.ToTable("ExternalLogins");
        builder.Property(login => login.UserId).HasMaxLength(450);
        builder.Property(login => login.ProviderId).HasMaxLength(32);
        builder.Property(login => login.Issuer).HasMaxLength(500);
        builder.Property(login => login.Subject).HasMaxLength(255);
        builder.Property(login => login.Email).HasMaxLength(256);
        // One upstream account belongs to at most one local user.
        builder.HasIndex(login => new { login.Issuer, login.Subject }).IsUnique();
        builder.HasIndex(login => login.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(login => login.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
