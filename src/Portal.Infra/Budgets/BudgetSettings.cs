using System.Globalization;
using Microsoft.Extensions.Configuration;
using Portal.Domain;
using Portal.Domain.Budgets;

namespace Portal.Infra.Budgets;

/// <summary>
/// The budgets an operator sets in configuration (<c>Budgets:0:Scope</c>, <c>Budgets:0:MonthlyLimitUsd</c>, ...), read and
/// checked when the portal starts: a budget that breaks a rule stops startup naming its key.
/// </summary>
internal sealed record BudgetSettings(IReadOnlyList<Budget> Budgets)
{
    public const string SectionName = "Budgets";

    public static BudgetSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var budgets = new List<Budget>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            var key = entry.Path;
            try
            {
                var scope = BudgetScope.Parse(entry["Scope"]);
                var limitText = entry["MonthlyLimitUsd"];
                if (!decimal.TryParse(limitText, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
                {
                    throw new DomainException($"MonthlyLimitUsd is '{limitText}'; write a number of US dollars such as 500 or 1250.50.");
                }

                var thresholds = entry["Thresholds"] is { Length: > 0 } text ? BudgetThreshold.ParseList(text) : null;
                var exempt = entry["ExemptAdmins"] is { Length: > 0 } flag
                    ? bool.TryParse(flag, out var value) ? value : throw new DomainException($"ExemptAdmins is '{flag}'; use true or false.")
                    : false;
                var id = entry["Id"] is { Length: > 0 } given ? given : scope.ToString();
                budgets.Add(Budget.Create(id, entry["Name"], scope, limit, thresholds, exempt));
            }
            catch (DomainException ex)
            {
                throw new InvalidOperationException($"Configuration '{key}' is not a valid budget: {ex.Message}", ex);
            }
        }

        if (budgets.GroupBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Configuration '{SectionName}' has two budgets with the id '{twice.Key}'; give each an Id of its own.");
        }

        return new BudgetSettings(budgets);
    }
}
