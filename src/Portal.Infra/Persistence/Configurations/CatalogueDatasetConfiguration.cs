using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Datasets;

namespace Portal.Infra.Persistence.Configurations;

/// <summary>Free text (names, licences, S3 prefixes) has no length limit: a registry entry longer than we guessed must not fail an import.</summary>
internal sealed class CatalogueDatasetConfiguration : IEntityTypeConfiguration<CatalogueDatasetRecord>
{
    public void Configure(EntityTypeBuilder<CatalogueDatasetRecord> builder)
    {
        builder.ToTable("CatalogueDatasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(DatasetId.MaxLength);
        builder.Property(d => d.Slug).HasMaxLength(DatasetId.MaxLength);
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Region).HasMaxLength(32);
        builder.Property(d => d.Format).HasMaxLength(32);
        builder.Property(d => d.Successor).HasMaxLength(DatasetId.MaxLength);
        builder.Property(d => d.Layout).HasMaxLength(32);
        builder.HasIndex(d => d.Position);
    }
}
