using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class OtpDeviceConfiguration : IEntityTypeConfiguration<OtpDevice>
{
    public void Configure(EntityTypeBuilder<OtpDevice> builder)
    {
        builder.ToTable("OtpDevices");
        builder.Property(device => device.UserId).HasMaxLength(450);
        builder.Property(device => device.Name).HasMaxLength(50);
        builder.Property(device => device.Type).HasMaxLength(8);
        builder.Property(device => device.Algorithm).HasMaxLength(8);
        builder.Property(device => device.ProtectedSecret).HasMaxLength(2000);
        builder.HasIndex(device => device.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(device => device.UserId).OnDelete(DeleteBehavior.Cascade);
        // A token is one device of at most one user.
        builder.HasIndex(device => device.HardwareTokenId).IsUnique();
        builder.HasOne<HardwareToken>().WithMany().HasForeignKey(device => device.HardwareTokenId).OnDelete(DeleteBehavior.Restrict);
    }
}
