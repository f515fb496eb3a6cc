using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>
/// A monthly spending limit for a user or a group, with thresholds that act (notify, refuse launches, stop sessions).
/// Built by <see cref="Create"/>, which checks every rule; trusted afterwards.
/// </summary>
public sealed record Budget
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 128;

    private Budget(string id, string name, BudgetScope scope, decimal monthlyLimitUsd, IReadOnlyList<BudgetThreshold> thresholds, bool exemptAdmins)
    {
        Id = id;
        Name = name;
        Scope = scope;
        MonthlyLimitUsd = monthlyLimitUsd;
        Thresholds = thresholds;
        ExemptAdmins = exemptAdmins;
    }

    /// <summary>Stable key: letters, digits, '.', '-', '_' or ':'.</summary>
    public string Id { get; }

    /// <summary>What messages call it ("Team X").</summary>
    public string Name { get; }

    public BudgetScope Scope { get; }

    public decimal MonthlyLimitUsd { get; }

    /// <summary>Ordered by percentage; at most one per action.</summary>
    public IReadOnlyList<BudgetThreshold> Thresholds { get; }

    /// <summary>Whether admins may launch and retry past it. Defaults to false: admins are held to their budgets too.</summary>
    public bool ExemptAdmins { get; }

    /// <param name="thresholds">Null for <see cref="BudgetThreshold.Defaults"/>.</param>
    public static Budget Create(string id, string? name, BudgetScope scope, decimal monthlyLimitUsd, IReadOnlyList<BudgetThreshold>? thresholds = null, bool exemptAdmins = false)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim().Length > MaxIdLength
            || !id.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
        {
            throw new DomainException($"'{id}' is not a budget id: use 1 to {MaxIdLength} letters, digits, '.', '-', '_' or ':'.");
        }

        if (scope.Value is null)
        {
            throw new DomainException($"Budget '{id}' needs a scope ('user:<user id>' or 'group:<group name>').");
        }

        name = string.IsNullOrWhiteSpace(name) ? id.Trim() : name.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new DomainException($"Budget '{id}': its name is longer than {MaxNameLength} characters.");
        }

        if (monthlyLimitUsd <= 0)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Budget '{id}': the monthly limit must be more than 0 USD; it is {monthlyLimitUsd}."));
        }

        return new Budget(id.Trim(), name, scope, monthlyLimitUsd, Check(id, thresholds ?? BudgetThreshold.Defaults), exemptAdmins);
    }

    /// <summary>The threshold for <paramref name="action"/>, or null when this budget does not take it.</summary>
    public BudgetThreshold? ThresholdFor(BudgetAction action) => Thresholds.FirstOrDefault(t => t.Action == action);

    /// <summary>The spend at which <paramref name="threshold"/> is reached (limit × percent).</summary>
    public decimal AmountAt(BudgetThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return decimal.Round(MonthlyLimitUsd * threshold.Percent / 100m, 2, MidpointRounding.AwayFromZero);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<BudgetThreshold> Check(string id, IReadOnlyList<BudgetThreshold> thresholds)
    {
        if (thresholds.Count == 0)
        {
            throw new DomainException($"Budget '{id}' needs at least one threshold, for example 80:Notify,100:RefuseLaunches,120:StopSessions.");
        }

        if (thresholds.FirstOrDefault(t => t.Percent is < BudgetThreshold.MinPercent or > BudgetThreshold.MaxPercent) is { } outOfRange)
        {
            throw new DomainException(
                $"Budget '{id}': the {outOfRange.Action} threshold is {outOfRange.Percent} %; use {BudgetThreshold.MinPercent} to {BudgetThreshold.MaxPercent} %.");
        }

        if (thresholds.GroupBy(t => t.Action).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"Budget '{id}' has more than one {twice.Key} threshold.");
        }

        // Notify comes before refusing launches, which comes before stopping sessions: anything else makes no sense.
        var byAction = thresholds.OrderBy(t => t.Action).ToList();
        for (var i = 1; i < byAction.Count; i++)
        {
            if (byAction[i].Percent <= byAction[i - 1].Percent)
            {
                throw new DomainException(
                    $"Budget '{id}': {byAction[i].Action} at {byAction[i].Percent} % must come after {byAction[i - 1].Action} at {byAction[i - 1].Percent} %; "
                    + "thresholds ascend Notify, RefuseLaunches, StopSessions.");
            }
        }

        return byAction.AsReadOnly();
    }
}
