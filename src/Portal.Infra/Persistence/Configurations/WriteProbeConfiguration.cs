using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class WriteProbeConfiguration : IEntityTypeConfiguration<WriteProbeRecord>
{
    public void Configure(EntityTypeBuilder<WriteProbeRecord> builder)
    {
        builder.ToTable("WriteProbes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasData(new WriteProbeRecord { Id = WriteProbeRecord.TheRow, WrittenAt = DateTimeOffset.UnixEpoch });
    }
}
