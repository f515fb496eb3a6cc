using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static Session NewSession(decimal hourly = 4m)
    {
        var id = SessionId.Parse("s-abcdefgh12");
        return Session.Create(id, new Actor("ada", isAdmin: false), SampleRequests.FirstRun, Launch(id, hourly), T0);
    }

    internal static SessionLaunch Launch(SessionId id, decimal hourly = 4m, bool cleanUp = true, string? key = null)
    {
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(id, SampleRequests.FirstRun);
        return new SessionLaunch("ERA5 and CMIP6", key, plan.SchedulerAddress, hourly, TimeSpan.FromMinutes(20), cleanUp,
            plan.ToSteps(SessionTags.For(id, "ada"), "portal.ipynb"));
    }

    private static void CompleteEverything(Session session, DateTimeOffset at)
    {
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, at);
            session.CompleteStep(step.ResourceName, at);
        }
    }

    [Fact]
    public void Starts_requested_with_one_step_per_stack_and_the_notebook_last()
    {
        var session = NewSession();

        Assert.Equal(SessionState.Requested, session.State);
        Assert.Equal(4, session.Steps.Count);
        Assert.Equal(StepKind.Notebook, session.Steps[^1].Kind);
        Assert.All(session.Steps, s => Assert.Equal(StepStatus.Pending, s.Status));
        Assert.Equal(T0.AddHours(4), session.ExpiresAt);
    }

    [Fact]
    public void Its_pool_regions_are_the_regions_of_its_worker_steps()
    {
        var session = NewSession();

        Assert.Equal([RegionCode.Parse("us-east-1"), RegionCode.Parse("us-west-2")], session.PoolRegions);
    }

    [Fact]
    public void Goes_requested_provisioning_ready_stopping_stopped()
    {
        var session = NewSession();

        session.BeginProvisioning(T0);
        CompleteEverything(session, T0.AddMinutes(3));
        session.MarkReady(T0.AddMinutes(3));
        Assert.Equal(SessionState.Ready, session.State);

        session.RequestStop(T0.AddHours(1), "Stopped by ada.");
        Assert.Equal(SessionState.Stopping, session.State);
        Assert.All(session.Steps, s => Assert.Equal(StepStatus.Deleting, s.Status));

        foreach (var step in session.Steps)
        {
            session.MarkStepDeleted(step.ResourceName, T0.AddHours(1.1));
        }

        session.MarkStopped(T0.AddHours(1.1));
        Assert.Equal(SessionState.Stopped, session.State);
    }

    [Fact]
    public void Cannot_be_ready_while_a_step_is_unfinished()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);

        Assert.Throws<DomainException>(() => session.MarkReady(T0));
    }

    [Fact]
    public void A_failed_step_fails_the_session_with_its_reason()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        var workers = session.Steps[1].ResourceName;
        session.StartStep(workers, T0);

        session.FailStep(workers, "WorkerService did not stabilize", T0.AddMinutes(2));

        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal("WorkerService did not stabilize", session.FailureReason);
        Assert.Equal(workers, session.FailedStep);
        Assert.Throws<DomainException>(() => session.MarkReady(T0));
    }

    [Fact]
    public void Stopping_a_failed_session_deletes_only_what_may_exist()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);
        session.FailStep(session.Steps[0].ResourceName, "boom", T0);

        session.RequestStop(T0.AddMinutes(1), "Stopped by ada.");

        Assert.Equal(StepStatus.Deleting, session.Steps[0].Status);
        Assert.All(session.Steps.Skip(1), s => Assert.Equal(StepStatus.Deleted, s.Status));
    }

    [Fact]
    public void Cannot_stop_while_resources_remain()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);
        session.RequestStop(T0, "Stopped by ada.");

        Assert.Throws<DomainException>(() => session.MarkStopped(T0));
    }

    [Fact]
    public void Stop_twice_changes_nothing()
    {
        var session = NewSession();
        session.RequestStop(T0, "Stopped by ada.");
        var requestedAt = session.StopRequestedAt;

        session.RequestStop(T0.AddHours(1), "Stopped by ada.");

        Assert.Equal(requestedAt, session.StopRequestedAt);
    }

    [Fact]
    public void Cost_so_far_runs_from_provisioning_until_stopped()
    {
        var session = NewSession(hourly: 4m);
        Assert.Equal(0m, session.CostSoFarUsd(T0.AddHours(1)));

        session.BeginProvisioning(T0);
        Assert.Equal(2m, session.CostSoFarUsd(T0.AddMinutes(30)));

        session.RequestStop(T0.AddHours(1), "Stopped by ada.");
        foreach (var step in session.Steps)
        {
            session.MarkStepDeleted(step.ResourceName, T0.AddHours(1.5));
        }

        session.MarkStopped(T0.AddHours(1.5));
        Assert.Equal(6m, session.CostSoFarUsd(T0.AddHours(10)));
    }

    [Fact]
    public void Expires_after_its_maximum_lifetime()
    {
        var session = NewSession();

        Assert.False(session.IsExpired(T0.AddHours(3.9)));
        Assert.True(session.IsExpired(T0.AddHours(4)));
    }

    [Fact]
    public void A_failed_session_expires_too_so_what_it_created_is_cleaned_up()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);
        session.FailStep(session.Steps[0].ResourceName, "boom", T0);

        Assert.True(session.IsExpired(T0.AddHours(4)));
    }

    [Fact]
    public void A_very_long_failure_reason_is_clipped()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);

        session.FailStep(session.Steps[0].ResourceName, new string('x', 10_000), T0);

        Assert.Equal(SessionText.MaxLength, session.FailureReason!.Length);
        Assert.EndsWith("…", session.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_starts_once_so_a_second_portal_instance_cannot_create_it_again()
    {
        var session = NewSession();
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);

        Assert.Throws<DomainException>(() => session.StartStep(session.Steps[0].ResourceName, T0));
    }

    [Fact]
    public void A_failed_session_still_records_how_its_other_steps_end_and_keeps_costing_until_stopped()
    {
        var session = NewSession(hourly: 2m);
        session.BeginProvisioning(T0);
        var (scheduler, workers) = (session.Steps[0].ResourceName, session.Steps[1].ResourceName);
        session.StartStep(scheduler, T0);
        session.StartStep(workers, T0);
        session.FailStep(workers, "WorkerService did not stabilize", T0.AddMinutes(1));

        session.CompleteStep(scheduler, T0.AddMinutes(2));

        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal(StepStatus.Complete, session.Steps[0].Status);
        Assert.Equal("WorkerService did not stabilize", session.FailureReason);
        Assert.Equal(4m, session.CostSoFarUsd(T0.AddHours(2)));
    }

    [Fact]
    public void Sessions_belong_to_the_actors_identity_not_its_name()
    {
        var id = SessionId.Parse("s-abcdefgh12");
        var session = Session.Create(id, new Actor("entra:tenant/object-1", "ada@contoso.example", false), SampleRequests.FirstRun, Launch(id, 1m), T0);

        Assert.Equal("entra:tenant/object-1", session.Owner);
        Assert.Equal("ada@contoso.example", session.OwnerName);
        Assert.True(new Actor("entra:tenant/object-1", "ada.renamed@contoso.example", false).CanAccess(session));
        Assert.False(new Actor("entra:tenant/object-2", "ada@contoso.example", false).CanAccess(session));
    }

    [Fact]
    public void Session_ids_are_short_lowercase_and_parse_back()
    {
        var id = SessionId.New();

        Assert.Matches("^s-[0-9a-z]{10}$", id.Value);
        Assert.Equal(id, SessionId.Parse(id.Value));
        Assert.False(SessionId.TryParse("s-../../etc", out _));
    }

    [Fact]
    public void An_actor_sees_only_their_own_sessions_unless_admin()
    {
        var session = NewSession();

        Assert.True(new Actor("ada", false).CanAccess(session));
        Assert.False(new Actor("bob", false).CanAccess(session));
        Assert.True(new Actor("bob", true).CanAccess(session));
    }
}
