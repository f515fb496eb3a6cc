using System.Globalization;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;

namespace Portal.Infra.Budgets;

/// <summary>
/// The Budgets page's use cases: spend per budget and month from the sessions' costs, and audited changes. Each call checks
/// the actor again: the page's attribute guards the page, this guards every handler behind it.
/// </summary>
internal sealed class BudgetAdministration(IBudgetStore budgets, ISessionStore sessions, AuditTrail audit, TimeProvider clock) : IBudgetAdministration
{
    public const int MaxMonths = 24;
    private const string ObjectType = "budget";
    private const string AdminsOnly = "Only a Portal.Admin can manage budgets.";

    public async Task<IReadOnlyList<BudgetHistory>> ListAsync(Actor actor, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return [];
        }

        months = Math.Clamp(months, 1, MaxMonths);
        var all = await budgets.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var first = BudgetMonth.Containing(now).Start.AddMonths(1 - months);
        var costing = await sessions.ListCostingSinceAsync(first, cancellationToken);
        return [.. all.Select(budget =>
        {
            var covered = costing.Where(s => budget.Scope.Covers(s.Owner, s.OwnerGroups));
            var perMonth = MonthlyCosts.For(covered, now, months).Select(m => (m.Month, m.TotalUsd)).ToList();
            return new BudgetHistory(budget, perMonth);
        })];
    }

    public async Task<BudgetEditResult> SaveAsync(Actor actor, BudgetDraft draft, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.IsAdmin)
        {
            return BudgetEditResult.Refused(AdminsOnly);
        }

        var (budget, errors) = draft.Check();
        if (budget is null)
        {
            return BudgetEditResult.Refused("The budget was not saved: correct the fields marked.", errors);
        }

        var existing = (await budgets.ListAsync(cancellationToken)).FirstOrDefault(b => b.Id == budget.Id);
        if (isNew && existing is not null)
        {
            return BudgetEditResult.Refused(
                $"A budget with the id '{budget.Id}' exists already; edit it, or choose another id.",
                new Dictionary<string, string> { [BudgetDraft.IdField] = $"The id '{budget.Id}' is taken." });
        }

        if (!isNew && existing is null)
        {
            return BudgetEditResult.Refused($"There is no budget '{budget.Id}' any more (deleted meanwhile?).");
        }

        await budgets.UpsertAsync(budget, cancellationToken);
        var detail = isNew ? Describe(budget) : $"{Describe(existing!)} -> {Describe(budget)}";
        await audit.RecordAsync(actor, isNew ? AuditActions.BudgetCreate : AuditActions.BudgetUpdate, ObjectType, budget.Id, detail, cancellationToken);
        return BudgetEditResult.Done(isNew ? $"Budget '{budget.Name}' created." : $"Budget '{budget.Name}' saved.");
    }

    public async Task<BudgetEditResult> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return BudgetEditResult.Refused(AdminsOnly);
        }

        var existing = (await budgets.ListAsync(cancellationToken)).FirstOrDefault(b => b.Id == id);
        if (existing is null || !await budgets.DeleteAsync(id, cancellationToken))
        {
            return BudgetEditResult.Refused($"There is no budget '{id}' (deleted meanwhile?).");
        }

        await audit.RecordAsync(actor, AuditActions.BudgetDelete, ObjectType, id, Describe(existing), cancellationToken);
        return BudgetEditResult.Done($"Budget '{existing.Name}' deleted.");
    }

    private static string Describe(Budget budget) => string.Create(CultureInfo.InvariantCulture,
        $"{budget.Name} ({budget.Scope}): {Money.Usd(budget.MonthlyLimitUsd)} a month, {BudgetThreshold.Format(budget.Thresholds)}{(budget.ExemptAdmins ? ", admins exempt" : string.Empty)}");
}
