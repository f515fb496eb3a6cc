using Microsoft.EntityFrameworkCore;
using Portal.Domain.Budgets;

namespace Portal.Infra.Persistence;

/// <summary>Budgets and their monthly notices in the portal's database; one DbContext per operation.</summary>
internal sealed class EfBudgetStore(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : IBudgetStore
{
    public async Task<IReadOnlyList<Budget>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Budgets.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Budget.Create(r.Id, r.Name, BudgetScope.Parse(r.Scope), r.MonthlyLimitUsd, BudgetThreshold.ParseList(r.Thresholds), r.ExemptAdmins))];
    }

    public async Task UpsertAsync(Budget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Budgets.FirstOrDefaultAsync(b => b.Id == budget.Id, cancellationToken);
        if (row is null)
        {
            row = new BudgetRecord { Id = budget.Id, Name = budget.Name, Scope = budget.Scope.ToString(), Thresholds = string.Empty };
            db.Budgets.Add(row);
        }

        row.Name = budget.Name;
        row.Scope = budget.Scope.ToString();
        row.MonthlyLimitUsd = budget.MonthlyLimitUsd;
        row.Thresholds = BudgetThreshold.Format(budget.Thresholds);
        row.ExemptAdmins = budget.ExemptAdmins;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string budgetId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.BudgetNotices.Where(n => n.BudgetId == budgetId).ExecuteDeleteAsync(cancellationToken);
        return await db.Budgets.Where(b => b.Id == budgetId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<bool> TryRecordNoticeAsync(string budgetId, BudgetMonth month, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.BudgetNotices.AnyAsync(n => n.BudgetId == budgetId && n.Month == month.Key, cancellationToken))
        {
            return false;
        }

        db.BudgetNotices.Add(new BudgetNoticeRecord { BudgetId = budgetId, Month = month.Key, At = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // Another portal instance recorded it between our read and our write.
            return false;
        }
    }
}
