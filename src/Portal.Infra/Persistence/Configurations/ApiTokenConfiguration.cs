using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenRecord>
{
    public void Configure(EntityTypeBuilder<ApiTokenRecord> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(32);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.Property(t => t.OwnerId).HasMaxLength(UserStampConfiguration.MaxUserIdLength);
        builder.HasIndex(t => t.OwnerId);
        builder.Property(t => t.OwnerName).HasMaxLength(256);
        builder.Property(t => t.OwnerGroups).HasMaxLength(4096);
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.Scope).HasMaxLength(16);
    }
}
