using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Testing;

/// <summary>Launching from tests: the convenience overloads the production code does not need.</summary>
internal static class SessionLaunching
{
    /// <summary>One request, no launch key, identical sessions allowed (tests launch the sample many times).</summary>
    public static Task<LaunchResult> LaunchAsync(this ISessionService sessions, Actor actor, SessionRequest request, CancellationToken cancellationToken) =>
        sessions.LaunchAsync(actor, new LaunchCommand(request, AllowDuplicate: true), cancellationToken);

    /// <summary>What a launch records for <paramref name="plan"/>, as the session service makes it.</summary>
    public static SessionLaunch For(LaunchPlan plan, SessionRequest request, decimal hourlyCostUsd, string owner = "ada", bool cleanUp = true) =>
        new(SessionName.Default(request), null, plan.SchedulerAddress, hourlyCostUsd, TimeSpan.FromMinutes(20), cleanUp,
            plan.ToSteps(SessionTags.For(plan.SessionId, owner), $"portal-{plan.SessionId}.ipynb"));
}
