using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.Property(mail => mail.Kind).HasMaxLength(64);
        builder.Property(mail => mail.UserId).HasMaxLength(450);
        builder.Property(mail => mail.To).HasMaxLength(256);
        builder.Property(mail => mail.Subject).HasMaxLength(300);
        builder.Property(mail => mail.ClaimedBy).HasMaxLength(100);
        builder.Property(mail => mail.LastError).HasMaxLength(1000);
        // The sender's query: unsent mails whose time has come.
        builder.HasIndex(mail => new { mail.SentAt, mail.NextAttemptAt });
        // The per-account reset limit counts recent mails of one kind for one user.
        builder.HasIndex(mail => new { mail.UserId, mail.Kind, mail.CreatedAt });
    }
}
