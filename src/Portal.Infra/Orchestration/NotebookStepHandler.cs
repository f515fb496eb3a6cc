using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;
using Portal.Infra.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>The notebook step: a SageMaker notebook instance with the notebook recorded at launch in it.</summary>
internal sealed class NotebookStepHandler(INotebookService notebooks, ISessionStore store, SessionCostTokens tokens) : IStepHandler
{
    public bool Handles(StepSpec spec) => spec is { Kind: StepKind.Notebook } && !Compute.LocalCompute.IsLocal(spec);

    public async Task<bool> CreateAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var spec = step.Spec;
        var document = spec.Document
                       ?? await store.FindStepDocumentAsync(session.Id, step.ResourceName, cancellationToken)
                       ?? throw new InvalidOperationException($"Session {session.Id} has no notebook document recorded.");
        // The recorded notebook holds a placeholder: the session's token is never stored, only put into the instance.
        var notebook = new NotebookDocument(
            spec.Parameter(StepSpec.FileNameParameter) ?? NotebookWriter.FileName(session.Id),
            document.Replace(NotebookWriter.TokenPlaceholder, tokens.Issue(session), StringComparison.Ordinal));
        var outcome = await notebooks.CreateNotebookInstanceAsync(
            new NotebookInstanceRequest(step.Region, step.ResourceName, spec.Parameter(StepSpec.InstanceTypeParameter) ?? string.Empty, spec.Tags, notebook),
            cancellationToken);
        return outcome.AlreadyExisted;
    }

    public async Task<StepObservation> DescribeAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await notebooks.DescribeNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
        return description?.Status switch
        {
            null => StepObservation.Missing,
            NotebookStatuses.InService => new(StepCondition.Created, description.Status),
            NotebookStatuses.Failed => new(StepCondition.Failed, description.Status, description.FailureReason ?? "SageMaker reported the notebook instance as Failed."),
            NotebookStatuses.Stopping or NotebookStatuses.Stopped or NotebookStatuses.Deleting =>
                new(StepCondition.Failing, description.Status, "The notebook instance was stopped or deleted outside the portal."),
            var status => new(StepCondition.Creating, status),
        };
    }

    public async Task<StepObservation> DeleteAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await notebooks.DescribeNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
        switch (description?.Status)
        {
            case null:
                return StepObservation.Missing;
            case NotebookStatuses.InService or NotebookStatuses.Pending:
                // SageMaker deletes only stopped or failed instances: stop first.
                await notebooks.StopNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
                return new(StepCondition.Deleting, NotebookStatuses.Stopping);
            case NotebookStatuses.Stopped or NotebookStatuses.Failed:
                await notebooks.DeleteNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
                return new(StepCondition.Deleting, NotebookStatuses.Deleting);
            default:
                return new(StepCondition.Deleting, description.Status);
        }
    }
}
