using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public const string TableName = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntryRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(256);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.ObjectType).HasMaxLength(32);
        builder.Property(e => e.ObjectId).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(2048);
        builder.Property(e => e.SourceIp).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}
