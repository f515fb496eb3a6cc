using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class SandboxResourceConfiguration : IEntityTypeConfiguration<SandboxResource>
{
    public void Configure(EntityTypeBuilder<SandboxResource> builder)
    {
        builder.ToTable("SandboxResources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Region).HasMaxLength(32);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.ResourceId).HasMaxLength(512);
        builder.Property(r => r.Shape).HasMaxLength(128);
        builder.Property(r => r.ClientRequestToken).HasMaxLength(128);
        builder.Property(r => r.DocumentFileName).HasMaxLength(256);

        // One live resource per kind, region and name, as in the real services. "NOT" reads a boolean column on every
        // provider: PostgreSQL refuses to compare a boolean with 0, SQLite stores it as 0 or 1.
        builder.HasIndex(r => new { r.Kind, r.Region, r.Name }).IsUnique().HasFilter("NOT \"IsGone\"");
    }
}
