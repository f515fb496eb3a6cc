using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Quotas;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class PortalLimitConfiguration : IEntityTypeConfiguration<PortalLimitRecord>
{
    public void Configure(EntityTypeBuilder<PortalLimitRecord> builder)
    {
        builder.ToTable("PortalLimits");
        // One set of limits per scope.
        builder.HasKey(l => l.Scope);
        builder.Property(l => l.Scope).HasMaxLength(LimitScope.MaxLength + 8);
    }
}
