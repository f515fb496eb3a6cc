using Portal.Domain.Budgets;

namespace Portal.Web.Tests.Support;

/// <summary>Budgets in memory, for page tests.</summary>
internal sealed class InMemoryBudgetStore : IBudgetStore
{
    private readonly List<Budget> _budgets = [];
    private readonly HashSet<string> _notices = [];

    public Task<IReadOnlyList<Budget>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_budgets)
        {
            return Task.FromResult<IReadOnlyList<Budget>>([.. _budgets]);
        }
    }

    public Task UpsertAsync(Budget budget, CancellationToken cancellationToken)
    {
        lock (_budgets)
        {
            _budgets.RemoveAll(b => b.Id == budget.Id);
            _budgets.Add(budget);
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string budgetId, CancellationToken cancellationToken)
    {
        lock (_budgets)
        {
            return Task.FromResult(_budgets.RemoveAll(b => b.Id == budgetId) > 0);
        }
    }

    public Task<bool> TryRecordNoticeAsync(string budgetId, BudgetMonth month, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_notices)
        {
            return Task.FromResult(_notices.Add($"{budgetId}|{month}"));
        }
    }
}
