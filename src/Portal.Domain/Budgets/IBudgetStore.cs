namespace Portal.Domain.Budgets;

/// <summary>The durable home of budgets, and of the notices already given for them.</summary>
public interface IBudgetStore
{
    Task<IReadOnlyList<Budget>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the budget, or replaces the one with its id (the notices given for it stay).</summary>
    Task UpsertAsync(Budget budget, CancellationToken cancellationToken);

    /// <summary>Removes the budget and its notices; false when there was none with that id.</summary>
    Task<bool> DeleteAsync(string budgetId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the budget's Notify threshold was announced for <paramref name="month"/>; true when this call recorded
    /// it, false when it had been already (by this or another portal instance), so that each month notifies once.
    /// </summary>
    Task<bool> TryRecordNoticeAsync(string budgetId, BudgetMonth month, DateTimeOffset at, CancellationToken cancellationToken);
}
