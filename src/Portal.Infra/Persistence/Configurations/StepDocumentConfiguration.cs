using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class StepDocumentConfiguration : IEntityTypeConfiguration<StepDocumentRecord>
{
    public void Configure(EntityTypeBuilder<StepDocumentRecord> builder)
    {
        builder.ToTable("StepDocuments");
        builder.HasKey(d => new { d.SessionId, d.ResourceName });
        builder.Property(d => d.SessionId).HasMaxLength(32);
        builder.Property(d => d.ResourceName).HasMaxLength(128);
    }
}
