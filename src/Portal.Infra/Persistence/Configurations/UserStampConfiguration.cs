using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class UserStampConfiguration : IEntityTypeConfiguration<UserStampRecord>
{
    public const int MaxUserIdLength = 200;

    public void Configure(EntityTypeBuilder<UserStampRecord> builder)
    {
        builder.ToTable("UserStamps");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(MaxUserIdLength);
        builder.Property(s => s.Stamp).HasMaxLength(32);
    }
}
