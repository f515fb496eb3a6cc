using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class UserSignInConfiguration : IEntityTypeConfiguration<UserSignInRecord>
{
    public void Configure(EntityTypeBuilder<UserSignInRecord> builder)
    {
        builder.ToTable("UserSignIns");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(UserStampConfiguration.MaxUserIdLength);
        builder.Property(s => s.Name).HasMaxLength(256);
        builder.Property(s => s.Groups).HasMaxLength(4096);
    }
}
