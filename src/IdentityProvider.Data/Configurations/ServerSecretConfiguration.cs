using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecret>
{
    public void Configure(EntityTypeBuilder<ServerSecret> builder)
    {
        builder.ToTable("ServerSecrets");
        // Note: the name is the key, so two instances generating the same secret at once
        // collide on insert and the loser reads the winner's value.
        builder.HasKey(secret => secret.Name);
        builder.Property(secret => secret.Name).HasMaxLength(100);
    }
}
