using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// How one kind of step talks to the cloud: create its recorded resource, describe it, delete it. The step engine
/// (<see cref="SessionOrchestrator"/>) does everything else once for every kind: ordering, recording, backoff,
/// failures, clean-up, retry. Every call is idempotent.
/// </summary>
internal interface IStepHandler
{
    /// <summary>True when this handler drives a step recorded with <paramref name="spec"/>.</summary>
    bool Handles(StepSpec spec);

    /// <summary>Asks the cloud to create the step's recorded resource, with the step's create token.</summary>
    /// <returns>True when the resource already existed (a repeated create).</returns>
    Task<bool> CreateAsync(Session session, SessionStep step, CancellationToken cancellationToken);

    /// <summary>The resource as it is now; stack events reach the session's timeline on the way.</summary>
    Task<StepObservation> DescribeAsync(Session session, SessionStep step, CancellationToken cancellationToken);

    /// <summary>Moves the resource towards deletion (asks again when needed) and says where it is; Missing once it is gone.</summary>
    Task<StepObservation> DeleteAsync(Session session, SessionStep step, CancellationToken cancellationToken);
}
