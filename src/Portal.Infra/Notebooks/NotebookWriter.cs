using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Infra.Notebooks;

/// <summary>
/// Writes the notebook a session's instance opens with (nbformat 4.5): a title, the parameters cell, a connect cell,
/// load cells for the data the request selected, the sample's analysis and the session's cost so far. It asks no
/// questions: the portal's form answered them, and the answers are in the parameters cell.
/// </summary>
internal sealed class NotebookWriter
{
    /// <param name="costToken">The credential the cost cell reads the session's cost with (see SessionCostTokens).</param>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service the orchestrator is given; an instance keeps it replaceable.")]
    public NotebookDocument Write(Session session, LaunchPlan plan, Uri portalBaseUri, string costToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(portalBaseUri);
        if (plan.SessionId != session.Id)
        {
            throw new ArgumentException($"The plan is for session {plan.SessionId}, not {session.Id}.", nameof(plan));
        }

        var datasets = plan.Pools.SelectMany(p => p.Datasets).ToList();
        var loadsEra5 = session.Request.UsesReanalysis && datasets.Any(d => d.Id == DatasetCatalog.Era5);
        var loadsCmip6 = session.Request.UsesProjections && datasets.Any(d => d.Id == DatasetCatalog.Cmip6);

        var cells = new List<NotebookCell>
        {
            NotebookTitle.Cell(session, datasets, loadsEra5, loadsCmip6),
            NotebookParameters.Cell(session, plan, CostUri(portalBaseUri, session.Id), costToken),
            NotebookCells.ConnectIntro,
            NotebookCells.Connect,
        };
        if (loadsEra5)
        {
            cells.AddRange([NotebookCells.Era5Intro, NotebookCells.Era5Files, NotebookCells.Era5Open]);
        }

        if (loadsCmip6)
        {
            cells.AddRange([NotebookCells.Cmip6Intro, NotebookCells.Cmip6Query, NotebookCells.Cmip6Open, NotebookCells.Cmip6Select]);
        }

        if (loadsEra5 || loadsCmip6)
        {
            cells.AddRange([NotebookCells.AnalysisIntro, NotebookCells.AnalysisHelpers]);
            cells.AddRange(loadsEra5 ? [NotebookCells.Era5Map] : []);
            cells.AddRange(loadsCmip6 ? [NotebookCells.Cmip6Map] : []);
        }
        else
        {
            cells.Add(NotebookCells.NoLoadCells);
        }

        cells.AddRange([NotebookCells.CostIntro, NotebookCells.Cost]);

        var metadata = new Dictionary<string, string> { ["sessionId"] = session.Id.Value };
        return new NotebookDocument(FileName(session.Id), NotebookJson.Write(cells, metadata));
    }

    /// <summary>The notebook's file name: <c>portal-&lt;session id&gt;.ipynb</c>.</summary>
    public static string FileName(SessionId id) => $"portal-{id.Value}.ipynb";

    /// <summary>Where the portal serves the session's cost: <c>api/v1/sessions/{id}/cost</c> under its base address.</summary>
    public static Uri CostUri(Uri portalBaseUri, SessionId id)
    {
        ArgumentNullException.ThrowIfNull(portalBaseUri);
        if (!portalBaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The portal's base address must be absolute; '{portalBaseUri}' is not.", nameof(portalBaseUri));
        }

        var text = portalBaseUri.AbsoluteUri;
        var baseUri = new Uri(text.EndsWith('/') ? text : text + "/");
        return new Uri(baseUri, $"api/v1/sessions/{Uri.EscapeDataString(id.Value)}/cost");
    }
}
