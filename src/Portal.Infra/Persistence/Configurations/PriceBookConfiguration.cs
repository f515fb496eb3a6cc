using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class PriceBookConfiguration : IEntityTypeConfiguration<PriceBookRecord>
{
    public void Configure(EntityTypeBuilder<PriceBookRecord> builder)
    {
        builder.ToTable("PriceBooks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Source).HasMaxLength(64);
        builder.HasIndex(b => b.FetchedAt);
    }
}
