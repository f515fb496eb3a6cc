using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class CatalogueImportConfiguration : IEntityTypeConfiguration<CatalogueImportRecord>
{
    public void Configure(EntityTypeBuilder<CatalogueImportRecord> builder)
    {
        builder.ToTable("CatalogueImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Source).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(256);
        builder.Property(i => i.Who).HasMaxLength(256);
        builder.HasIndex(i => i.StartedAt);
    }
}
