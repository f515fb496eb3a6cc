using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>
/// A budget as an admin types it on the Budgets page, every field text; <see cref="Check"/> says what is wrong per field
/// (keys are the field names) or builds the <see cref="Budget"/>.
/// </summary>
public sealed record BudgetDraft
{
    public const string IdField = nameof(Id);
    public const string NameField = nameof(Name);
    public const string ScopeField = nameof(Scope);
    public const string LimitField = nameof(MonthlyLimitUsd);
    public const string ThresholdsField = nameof(Thresholds);

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Scope { get; init; }

    public string? MonthlyLimitUsd { get; init; }

    public string? Thresholds { get; init; }

    public bool ExemptAdmins { get; init; }

    /// <summary>The draft of an existing budget, for editing it.</summary>
    public static BudgetDraft From(Budget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new BudgetDraft
        {
            Id = budget.Id,
            Name = budget.Name,
            Scope = budget.Scope.ToString(),
            MonthlyLimitUsd = budget.MonthlyLimitUsd.ToString("0.##", CultureInfo.InvariantCulture),
            Thresholds = BudgetThreshold.Format(budget.Thresholds),
            ExemptAdmins = budget.ExemptAdmins,
        };
    }

    /// <summary>The budget, or the message for each field that is wrong (and nothing built).</summary>
    public (Budget? Budget, IReadOnlyDictionary<string, string> Errors) Check()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = Id?.Trim() ?? string.Empty;
        if (id.Length is 0 or > Budget.MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
        {
            errors[IdField] = $"The id is 1 to {Budget.MaxIdLength} letters, digits, '.', '-', '_' or ':' (for example 'team-x').";
        }

        if (Name?.Trim().Length > Budget.MaxNameLength)
        {
            errors[NameField] = $"The name is at most {Budget.MaxNameLength} characters.";
        }

        if (!BudgetScope.TryParse(Scope, out var scope))
        {
            errors[ScopeField] = "The scope is 'user:<user id>' (for example 'user:local:ada') or 'group:<group name>'.";
        }

        if (!decimal.TryParse(MonthlyLimitUsd?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var limit) || limit <= 0m)
        {
            errors[LimitField] = "The monthly amount is a number of US dollars above 0, such as 500 or 1250.50.";
        }

        IReadOnlyList<BudgetThreshold>? thresholds = null;
        try
        {
            thresholds = BudgetThreshold.ParseList(Thresholds ?? string.Empty);
            _ = Budget.Create("draft", null, BudgetScope.Group("draft"), 1m, thresholds);
        }
        catch (DomainException ex)
        {
            var message = ex.Message.Replace("Budget 'draft': ", string.Empty, StringComparison.Ordinal)
                .Replace("Budget 'draft' ", "The budget ", StringComparison.Ordinal);
            errors[ThresholdsField] = char.ToUpperInvariant(message[0]) + message[1..];
        }

        return errors.Count > 0
            ? (null, errors)
            : (Budget.Create(id, Name, scope, limit, thresholds, ExemptAdmins), errors);
    }
}
