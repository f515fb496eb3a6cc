using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Datasets;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class DatasetOverrideConfiguration : IEntityTypeConfiguration<DatasetOverrideRecord>
{
    public void Configure(EntityTypeBuilder<DatasetOverrideRecord> builder)
    {
        builder.ToTable("DatasetOverrides");
        builder.HasKey(o => o.DatasetId);
        builder.Property(o => o.DatasetId).HasMaxLength(256);
        builder.Property(o => o.Title).HasMaxLength(DatasetDisplayDraft.MaxTitleLength);
        builder.Property(o => o.Description).HasMaxLength(DatasetDisplayDraft.MaxDescriptionLength);
        builder.Property(o => o.Tags).HasMaxLength(2048);
        builder.Property(o => o.UpdatedBy).HasMaxLength(256);
    }
}
