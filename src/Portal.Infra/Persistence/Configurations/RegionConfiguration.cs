using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<RegionRecord>
{
    public void Configure(EntityTypeBuilder<RegionRecord> builder)
    {
        builder.ToTable("Regions");
        // One row per region code: a second instance's insert of the same code fails rather than adding a twin.
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.Role).HasMaxLength(16);
        builder.Property(r => r.Cidr).HasMaxLength(18);
        builder.Property(r => r.AddedBy).HasMaxLength(256);
    }
}
