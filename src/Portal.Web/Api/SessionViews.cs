using Portal.Domain.Sessions;

namespace Portal.Web.Api;

/// <summary>A session in a list.</summary>
internal sealed record SessionSummary(string Id, string Name, string Owner, string State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, decimal HourlyUsd, decimal CostSoFarUsd)
{
    public static SessionSummary From(Session s, DateTimeOffset now) =>
        new(s.Id.Value, s.Name, s.OwnerName, s.State.ToString(), s.CreatedAt, s.ExpiresAt, s.HourlyCostUsd, s.CostSoFarUsd(now));
}

/// <summary>One session in full: state, steps, cost so far and its latest data locality figure.</summary>
internal sealed record SessionDetail(
    string Id,
    string Name,
    string Owner,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? IdleStopAt,
    string? FailureReason,
    string SchedulerAddress,
    decimal HourlyUsd,
    decimal CostSoFarUsd,
    IReadOnlyList<StepView> Steps,
    LocalityView? Locality)
{
    public static SessionDetail From(Session s, DataLocality? locality, DateTimeOffset now) => new(
        s.Id.Value, s.Name, s.OwnerName, s.State.ToString(), s.CreatedAt, s.ReadyAt, s.ExpiresAt, s.IdleStopAt, s.FailureReason ?? s.AttentionReason,
        s.SchedulerAddress, s.HourlyCostUsd, s.CostSoFarUsd(now),
        [.. s.Steps.Select(step => new StepView(step.ResourceName, step.Kind.ToString(), step.Region.Value, step.Status.ToString(), step.Message, step.StartedAt, step.CompletedAt))],
        locality is null ? null : LocalityView.From(locality));
}

/// <summary>One resource the session creates, and how far it has got.</summary>
internal sealed record StepView(string Name, string Kind, string Region, string Status, string? Message, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

/// <summary>Where the session's bytes went, as its notebook helper last reported.</summary>
internal sealed record LocalityView(DateTimeOffset ReportedAt, bool RawDataStayedInRegion, decimal RawBytesBetweenRegions, decimal ResultBytesBetweenRegions, long ToClientBytes, string Summary)
{
    public static LocalityView From(DataLocality l) =>
        new(l.ReportedAt, l.RawDataStayedInRegion, l.RawBytesBetweenRegions, l.ResultBytesBetweenRegions, l.ToClientBytes, l.Describe());
}
