using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class SessionLocalityConfiguration : IEntityTypeConfiguration<SessionLocalityRecord>
{
    public void Configure(EntityTypeBuilder<SessionLocalityRecord> builder)
    {
        builder.ToTable("SessionLocality");
        builder.HasKey(l => l.SessionId);
        builder.Property(l => l.SessionId).HasMaxLength(32);
    }
}
