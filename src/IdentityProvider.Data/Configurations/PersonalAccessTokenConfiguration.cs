using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("PersonalAccessTokens");
        builder.Property(token => token.UserId).HasMaxLength(450);
        builder.Property(token => token.Label).HasMaxLength(20);
        builder.Property(token => token.Hash).HasMaxLength(32);
        builder.Property(token => token.Scopes).HasMaxLength(1000);
        builder.Property(token => token.AuthorizationId).HasMaxLength(100);
        builder.HasIndex(token => token.Hash).IsUnique();
        builder.HasIndex(token => token.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(token => token.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
