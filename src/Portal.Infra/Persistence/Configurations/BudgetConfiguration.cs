using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Budgets;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<BudgetRecord>
{
    public void Configure(EntityTypeBuilder<BudgetRecord> builder)
    {
        builder.ToTable("Budgets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(Budget.MaxIdLength);
        builder.Property(b => b.Name).HasMaxLength(Budget.MaxNameLength);
        builder.Property(b => b.Scope).HasMaxLength(BudgetScope.MaxLength + 8);
        builder.Property(b => b.MonthlyLimitUsd).HasPrecision(18, 2);
        builder.Property(b => b.Thresholds).HasMaxLength(256);
        builder.HasIndex(b => b.Scope);
    }
}

internal sealed class BudgetNoticeConfiguration : IEntityTypeConfiguration<BudgetNoticeRecord>
{
    public void Configure(EntityTypeBuilder<BudgetNoticeRecord> builder)
    {
        builder.ToTable("BudgetNotices");
        // The key is the once-a-month rule: a second instance's insert for the same month fails.
        builder.HasKey(n => new { n.BudgetId, n.Month });
        builder.Property(n => n.BudgetId).HasMaxLength(Budget.MaxIdLength);
        builder.Property(n => n.Month).HasMaxLength(7);
    }
}
