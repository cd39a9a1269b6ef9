using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class StoredSettingConfiguration : IEntityTypeConfiguration<StoredSetting>
{
    public void Configure(EntityTypeBuilder<StoredSetting> builder)
    {
        builder.ToTable("StoredSettings");
        builder.HasKey(setting => setting.Name);
        builder.Property(setting => setting.Name).HasMaxLength(64);
        builder.Property(setting => setting.UpdatedBy).HasMaxLength(450);
        // Note: a version check in the UPDATE itself, so two administrators saving at once cannot both win.
        builder.Property(setting => setting.Version).IsConcurrencyToken();
    }
}
