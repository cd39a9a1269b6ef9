using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(200);
        builder.Property(user => user.GivenName).HasMaxLength(100);
        builder.Property(user => user.FamilyName).HasMaxLength(100);
        builder.Property(user => user.TwoStepDisabledReason).HasMaxLength(500);
        builder.Property(user => user.SignInByToken).HasMaxLength(8);
        builder.Property(user => user.PasswordResetLinkId).HasMaxLength(64);
        builder.Property(user => user.Language).HasMaxLength(8);
        builder.Property(user => user.TimeZone).HasMaxLength(64);
    }
}
