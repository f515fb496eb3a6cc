using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Writes the notebook a session's instance opens with.</summary>
internal interface ISessionNotebookWriter
{
    NotebookDocument Write(Session session, LaunchPlan plan, Uri portalBaseUri);
}
