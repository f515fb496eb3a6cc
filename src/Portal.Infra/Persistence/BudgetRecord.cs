namespace Portal.Infra.Persistence;

/// <summary>A row of <c>Budgets</c>: one <see cref="Portal.Domain.Budgets.Budget"/>.</summary>
internal sealed class BudgetRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary><c>user:&lt;id&gt;</c> or <c>group:&lt;name&gt;</c>.</summary>
    public required string Scope { get; set; }

    public decimal MonthlyLimitUsd { get; set; }

    /// <summary><c>80:Notify,100:RefuseLaunches,120:StopSessions</c>.</summary>
    public required string Thresholds { get; set; }

    public bool ExemptAdmins { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A row of <c>BudgetNotices</c>: a budget's Notify threshold was announced for a month (once per month).</summary>
internal sealed class BudgetNoticeRecord
{
    public required string BudgetId { get; set; }

    /// <summary><c>2026-05</c>.</summary>
    public required string Month { get; set; }

    public DateTimeOffset At { get; set; }
}
