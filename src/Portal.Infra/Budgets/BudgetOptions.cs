using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Budgets;

/// <summary>How budgets are enforced. The budgets themselves are in the <c>Budgets</c> section (<see cref="BudgetSettings"/>).</summary>
public sealed class BudgetOptions
{
    public const string SectionName = "BudgetEnforcement";

    /// <summary>Whether the background enforcer (notices, stopping sessions) runs; launches are checked either way.</summary>
    /// <remarks>Defaults to true.</remarks>
    public bool Enabled { get; set; } = true;

    /// <summary>How often every budget's spend is looked at.</summary>
    /// <remarks>Defaults to 1 minute.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Who raises a budget, as refusals name them (an address or a team); "an admin" when not set.</summary>
    [MaxLength(256)]
    public string? AdminContact { get; set; }
}
