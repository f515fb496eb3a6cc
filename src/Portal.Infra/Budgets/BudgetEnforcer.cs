using Microsoft.Extensions.Logging;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;
using Portal.Infra.Orchestration;

namespace Portal.Infra.Budgets;

/// <summary>
/// One pass over every budget: at its Notify threshold an entry in the activity of each running session it covers (once
/// per budget and month), at its StopSessions threshold those sessions are stopped, with the budget named as the reason.
/// Both are recorded in the audit log as the portal's own actions.
/// </summary>
internal sealed partial class BudgetEnforcer(
    BudgetLedger ledger,
    IBudgetStore budgets,
    ISessionStore store,
    SessionChangeNotifier notifier,
    SessionWorkSignal work,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<BudgetEnforcer> logger)
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var (status, sessions) in await ledger.ListAllAsync(cancellationToken))
        {
            var running = sessions.Where(s => s.State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready).ToList();
            if (status.HasReached(BudgetAction.StopSessions))
            {
                await StopAsync(status, running, cancellationToken);
            }
            else if (status.HasReached(BudgetAction.Notify)
                     && await budgets.TryRecordNoticeAsync(status.Budget.Id, status.Month, clock.GetUtcNow(), cancellationToken))
            {
                var now = clock.GetUtcNow();
                var message = status.Describe();
                await store.AppendEventsAsync([.. running.Select(s => new SessionEvent(s.Id, now, null, null, message))], cancellationToken);
                LogNotified(status.Budget.Id, status.PercentUsed, running.Count);
                await audit.RecordSystemAsync(AuditActions.BudgetNotify, "budget", status.Budget.Id,
                    $"{message} Running session(s) notified: {running.Count}.", cancellationToken);
            }
        }
    }

    private async Task StopAsync(BudgetStatus status, IReadOnlyList<Session> running, CancellationToken cancellationToken)
    {
        var budget = status.Budget;
        var reason = $"Stopped: budget '{budget.Name}' reached {budget.ThresholdFor(BudgetAction.StopSessions)!.Percent} % of {Money.Usd(budget.MonthlyLimitUsd)} "
                     + $"this month ({Money.Usd(status.SpendUsd)} spent).";
        foreach (var session in running)
        {
            var now = clock.GetUtcNow();
            var saved = await store.UpdateAsync(session.Id, s =>
            {
                if (s.State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready)
                {
                    s.RequestStop(now, reason);
                }
            }, cancellationToken);
            if (saved is not { State: SessionState.Stopping } || saved.StopReason != reason)
            {
                continue;
            }

            await store.AppendEventsAsync([new SessionEvent(session.Id, now, null, null, reason)], cancellationToken);
            LogStopped(session.Id.Value, budget.Id);
            await audit.RecordSystemAsync(AuditActions.BudgetStop, "session", session.Id.Value, $"{reason} (budget {budget.Id})", cancellationToken);
            work.Wake(session.Id);
            await notifier.PublishAsync(saved);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget {BudgetId} is at {Percent} %: {SessionCount} running session(s) notified")]
    private partial void LogNotified(string budgetId, int percent, int sessionCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} stopped: budget {BudgetId} reached its stop threshold")]
    private partial void LogStopped(string sessionId, string budgetId);
}
