using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityProvider.Data.Configurations;

internal sealed class ShowOnceTicketConfiguration : IEntityTypeConfiguration<ShowOnceTicket>
{
    public void Configure(EntityTypeBuilder<ShowOnceTicket> builder)
    {
        builder.ToTable("ShowOnceTickets");
        builder.HasIndex(ticket => ticket.ExpiresAt);
    }
}
