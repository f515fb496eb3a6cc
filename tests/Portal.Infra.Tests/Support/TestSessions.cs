using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Tests.Support;

/// <summary>Sessions built the way <see cref="Portal.Infra.Sessions.SessionService"/> builds them, moved to any state through the domain's own methods.</summary>
internal static class TestSessions
{
    public static LaunchPlanner Planner { get; } = new(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default);

    public static Session Launch(string owner, DateTimeOffset at, SessionRequest? request = null, decimal hourlyCostUsd = 4.25m)
    {
        var id = SessionId.New();
        var chosen = request ?? SampleRequests.FirstRun;
        return Session.Create(id, new Actor(owner, isAdmin: false), chosen, SessionLaunching.For(Planner.Plan(id, chosen), chosen, hourlyCostUsd, owner), at);
    }

    public static Session Ready(string owner, DateTimeOffset at, SessionRequest? request = null)
    {
        var session = Launch(owner, at, request);
        session.BeginProvisioning(at);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, at);
            session.CompleteStep(step.ResourceName, at);
        }

        session.MarkReady(at);
        return session;
    }
}
