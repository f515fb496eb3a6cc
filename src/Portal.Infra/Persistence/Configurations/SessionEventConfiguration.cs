using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class SessionEventConfiguration : IEntityTypeConfiguration<SessionEventRecord>
{
    public void Configure(EntityTypeBuilder<SessionEventRecord> builder)
    {
        builder.ToTable("SessionEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SessionId).HasMaxLength(32);
        builder.Property(e => e.ResourceName).HasMaxLength(128);
        builder.Property(e => e.Region).HasMaxLength(32);
        builder.Property(e => e.Message).HasMaxLength(4096);
        builder.Property(e => e.ExternalId).HasMaxLength(256);
        builder.HasIndex(e => new { e.SessionId, e.At });
        builder.HasIndex(e => new { e.SessionId, e.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
    }
}
