using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class RememberedBrowserConfiguration : IEntityTypeConfiguration<RememberedBrowser>
{
    public void Configure(EntityTypeBuilder<RememberedBrowser> builder)
    {
        builder.ToTable("RememberedBrowsers");
        builder.Property(browser => browser.UserId).HasMaxLength(450);
        builder.Property(browser => browser.TokenHash).HasMaxLength(32);
        builder.Property(browser => browser.SecurityStamp).HasMaxLength(256);
        builder.Property(browser => browser.UserAgent).HasMaxLength(256);
        builder.HasIndex(browser => browser.TokenHash).IsUnique();
        builder.HasIndex(browser => browser.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(browser => browser.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
