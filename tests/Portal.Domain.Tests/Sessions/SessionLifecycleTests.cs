using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

/// <summary>Retry, clean-up, idle stop, Extend and Needs attention: the lifecycle issue's rules, on the aggregate alone.</summary>
public sealed class SessionLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly SessionId Id = SessionId.Parse("s-abcdefgh12");

    private static Session Provisioning(bool cleanUp = true)
    {
        var session = Session.Create(Id, new Actor("ada", isAdmin: false), SampleRequests.FirstRun, SessionTests.Launch(Id, 4m, cleanUp), T0);
        session.BeginProvisioning(T0);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, T0);
        }

        return session;
    }

    private static string Workers(Session session) => session.Steps.First(s => s.Kind == StepKind.Workers).ResourceName;

    private static Session Ready()
    {
        var session = Provisioning();
        foreach (var step in session.Steps)
        {
            session.CompleteStep(step.ResourceName, T0.AddMinutes(2));
        }

        session.MarkReady(T0.AddMinutes(2));
        return session;
    }

    [Fact]
    public void Records_what_every_step_creates_at_launch()
    {
        var session = Provisioning();

        var workers = session.Steps.First(s => s.Kind == StepKind.Workers);
        Assert.Equal("SessionWorkers", workers.Spec.Template);
        Assert.Equal(session.SchedulerAddress, workers.Spec.Parameters["SchedulerAddress"]);
        Assert.Equal("true", workers.Spec.Tags["portal-managed"]);
        Assert.Equal(workers.ResourceName + "-create", workers.CreateToken);
        Assert.Equal(StepSpec.NotebookTemplate, session.Steps[^1].Spec.Template);
    }

    [Fact]
    public void A_rolling_back_stack_fails_the_session_at_once_and_is_followed_to_its_end_before_clean_up()
    {
        var session = Provisioning();
        var workers = Workers(session);

        session.MarkFailing(workers, "WorkerService did not stabilize");

        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal(StepStatus.InProgress, session.Step(workers).Status);
        Assert.False(session.CanBeginCleanUp);

        foreach (var step in session.Steps.Where(s => s.ResourceName != workers))
        {
            session.CompleteStep(step.ResourceName, T0.AddMinutes(1));
        }

        session.FailStep(workers, "ROLLBACK_COMPLETE", T0.AddMinutes(2));
        Assert.True(session.CanBeginCleanUp);
    }

    [Fact]
    public void A_cleaned_up_failure_stops_costing_and_retry_recreates_only_what_was_deleted_with_new_tokens()
    {
        var session = Provisioning();
        var workers = Workers(session);
        foreach (var step in session.Steps.Where(s => s.ResourceName != workers))
        {
            session.CompleteStep(step.ResourceName, T0.AddMinutes(30));
        }

        session.FailStep(workers, "boom", T0.AddMinutes(30));
        session.BeginCleanUp();
        Assert.All(session.Steps, s => Assert.Equal(StepStatus.Deleting, s.Status));
        foreach (var step in session.Steps)
        {
            session.MarkStepDeleted(step.ResourceName, T0.AddHours(1));
        }

        session.MarkCleanedUp(T0.AddHours(1));
        Assert.Equal(4m, session.CostSoFarUsd(T0.AddHours(5)));

        session.Retry(T0.AddHours(5));

        Assert.Equal(SessionState.Provisioning, session.State);
        Assert.All(session.Steps, s => Assert.Equal(StepStatus.Pending, s.Status));
        Assert.All(session.Steps, s => Assert.EndsWith("-create-2", s.CreateToken, StringComparison.Ordinal));
        Assert.Equal(6m, session.CostSoFarUsd(T0.AddHours(5.5)));
    }

    [Fact]
    public void Retry_without_clean_up_deletes_the_failed_stack_first_and_keeps_the_rest()
    {
        var session = Provisioning(cleanUp: false);
        var workers = Workers(session);
        foreach (var step in session.Steps.Where(s => s.ResourceName != workers))
        {
            session.CompleteStep(step.ResourceName, T0.AddMinutes(1));
        }

        session.FailStep(workers, "boom", T0.AddMinutes(1));
        Assert.False(session.CanBeginCleanUp);

        session.Retry(T0.AddMinutes(2));

        Assert.Equal(StepStatus.Deleting, session.Step(workers).Status);
        Assert.All(session.Steps.Where(s => s.ResourceName != workers), s => Assert.Equal(StepStatus.Complete, s.Status));
        session.MarkStepDeleted(workers, T0.AddMinutes(3));
        Assert.Equal(StepStatus.Pending, session.Step(workers).Status);
        Assert.Equal(2, session.Step(workers).Attempt);
    }

    [Fact]
    public void An_idle_ready_session_is_idle_after_its_timeout_and_activity_or_extend_moves_the_deadline()
    {
        var session = Ready();
        var readyAt = T0.AddMinutes(2);

        Assert.Equal(new AutoStop(readyAt.AddMinutes(20), AutoStopCause.Idle), session.NextAutoStop());
        Assert.False(session.IsIdle(readyAt.AddMinutes(19)));
        Assert.True(session.IsIdle(readyAt.AddMinutes(20)));

        session.RecordActivity(readyAt.AddMinutes(10));
        Assert.False(session.IsIdle(readyAt.AddMinutes(20)));

        session.ExtendIdle(readyAt.AddMinutes(29));
        Assert.Equal(readyAt.AddMinutes(49), session.IdleStopAt);
    }

    [Fact]
    public void Lifetime_extends_by_hours_only_within_the_limit()
    {
        var session = Ready();

        Assert.Null(session.LifetimeExtensionProblem(TimeSpan.FromHours(2), TimeSpan.FromHours(8)));
        Assert.NotNull(session.LifetimeExtensionProblem(TimeSpan.FromHours(5), TimeSpan.FromHours(8)));

        session.ExtendLifetime(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
        Assert.Equal(T0.AddHours(6), session.ExpiresAt);
        Assert.Throws<DomainException>(() => session.ExtendLifetime(TimeSpan.FromHours(3), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_delete_past_its_bound_needs_attention_and_an_operator_resumes_the_stop()
    {
        var session = Ready();
        session.RequestStop(T0.AddHours(1), "Stopped by ada.");

        session.NeedAttention("Stack x could not be deleted.");

        Assert.Equal(SessionState.NeedsAttention, session.State);
        Assert.Equal("Stopped by ada.", session.StopReason);
        session.RequestStop(T0.AddHours(2), "Clean-up resumed by admin.");
        Assert.Equal(SessionState.Stopping, session.State);
        Assert.Null(session.AttentionReason);
    }

    [Fact]
    public void Identical_requests_are_recognised_whatever_the_dataset_order()
    {
        var request = SampleRequests.FirstRun;
        var reordered = request with { Datasets = [.. request.Datasets.Reverse()] };

        Assert.True(request.IsSameAs(reordered));
        Assert.False(request.IsSameAs(request with { WorkersPerRegion = request.WorkersPerRegion + 1 }));
    }

    [Fact]
    public void Names_default_to_the_data_and_variable_and_are_checked()
    {
        Assert.Equal("ERA5 + CMIP6 · air_temperature_at_2_metres", SessionName.Default(SampleRequests.FirstRun));
        Assert.NotNull(SessionName.Problem(" "));
        Assert.NotNull(SessionName.Problem(new string('x', SessionName.MaxLength + 1)));
        Assert.Null(SessionName.Problem("My ERA5 run"));
    }
}
