using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class ReapedResourceConfiguration : IEntityTypeConfiguration<ReapedResourceRecord>
{
    public void Configure(EntityTypeBuilder<ReapedResourceRecord> builder)
    {
        builder.ToTable("ReapedResources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.Region).HasMaxLength(32);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.SessionTag).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(512);
        builder.HasIndex(r => r.ReapedAt);
    }
}
