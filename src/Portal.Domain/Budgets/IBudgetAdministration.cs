using Portal.Domain.Sessions;

namespace Portal.Domain.Budgets;

/// <summary>
/// The admin's Budgets page: every budget with its spend, and creating, editing and deleting them. Every call checks the
/// actor is an admin (the page does too): anyone else gets an empty list or a refusal. Every change is audited.
/// </summary>
public interface IBudgetAdministration
{
    /// <summary>Every budget with its spend in the <paramref name="months"/> months up to this one, newest first.</summary>
    Task<IReadOnlyList<BudgetHistory>> ListAsync(Actor actor, int months, CancellationToken cancellationToken);

    /// <summary>Adds the budget (<paramref name="isNew"/>, refused when its id is taken) or replaces the one with its id.</summary>
    Task<BudgetEditResult> SaveAsync(Actor actor, BudgetDraft draft, bool isNew, CancellationToken cancellationToken);

    Task<BudgetEditResult> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken);
}

/// <summary>A budget and what its scope spent per month, newest (this month) first.</summary>
public sealed record BudgetHistory(Budget Budget, IReadOnlyList<(BudgetMonth Month, decimal SpendUsd)> Months)
{
    public decimal ThisMonthUsd => Months.Count == 0 ? 0m : Months[0].SpendUsd;

    public BudgetStatus ThisMonth => new(Budget, Months.Count == 0 ? default : Months[0].Month, ThisMonthUsd);
}

/// <summary>What a change did: done (with a sentence), or refused with a message and the message per field.</summary>
public sealed record BudgetEditResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static BudgetEditResult Done(string message) => new(true, message, new Dictionary<string, string>());

    public static BudgetEditResult Refused(string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new(false, message, errors ?? new Dictionary<string, string>());
}
