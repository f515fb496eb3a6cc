using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Infra.Notebooks;

/// <summary>
/// Writes the notebook a session's instance opens with (nbformat 4.5): a title, the parameters cell, a connect cell,
/// load cells for the data the request selected (ERA5 from either copy, a section per projection dataset), the sample's
/// analysis, where the datasets of no layout are and how to open them, and the session's cost so far. It asks no
/// questions: the portal's form answered them, and the answers are in the parameters cell.
/// </summary>
internal sealed class NotebookWriter
{
    /// <param name="costToken">The credential the cost cell reads the session's cost with (see SessionCostTokens).</param>
    /// <param name="dataRoot">Where datasets are found instead of their FSx paths (the sandbox's local data); null on AWS.</param>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service the orchestrator is given; an instance keeps it replaceable.")]
    public NotebookDocument Write(Session session, LaunchPlan plan, Uri portalBaseUri, string costToken, string? dataRoot = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(portalBaseUri);
        if (plan.SessionId != session.Id)
        {
            throw new ArgumentException($"The plan is for session {plan.SessionId}, not {session.Id}.", nameof(plan));
        }

        var datasets = plan.Pools.SelectMany(p => p.Datasets).ToList();
        var request = session.Request;
        // ERA5 from either copy (the notebook picks one, nsf-ncar-era5 first); one section per projection dataset; the
        // datasets of no layout are listed, to be opened by path.
        var loadsEra5 = request.UsesReanalysis && datasets.Any(d => d.Layout is DatasetLayout.Era5Pds or DatasetLayout.NsfNcarEra5);
        var projections = request.UsesProjections
            ? ProjectionSection.All.Where(s => datasets.Any(d => d.Id == s.Dataset && d.IsAnalysable)).ToList()
            : [];
        var byPath = datasets.Any(d => d.Layout == DatasetLayout.None);

        var cells = new List<NotebookCell>
        {
            NotebookTitle.Cell(session, datasets, loadsEra5, [.. projections.Select(s => s.Title)]),
            NotebookParameters.Cell(session, plan, CostUri(portalBaseUri, session.Id), costToken, dataRoot),
            NotebookCells.ConnectIntro,
            NotebookCells.Connect,
            NotebookCells.Activity,
        };
        if (loadsEra5)
        {
            cells.AddRange([NotebookCells.Era5Intro, NotebookCells.Era5Files, NotebookCells.Era5Open]);
        }

        cells.AddRange(projections.SelectMany(s => s.Load));
        if (loadsEra5 || projections.Count > 0)
        {
            cells.AddRange([NotebookCells.AnalysisIntro, NotebookCells.AnalysisHelpers]);
            cells.AddRange(loadsEra5 ? [NotebookCells.Era5Map] : []);
            cells.AddRange(projections.Select(s => s.Map));
        }
        else if (!byPath)
        {
            cells.Add(NotebookCells.NoLoadCells);
        }

        if (byPath)
        {
            cells.AddRange([NotebookCells.ByPathIntro, NotebookCells.ByPath]);
        }

        cells.AddRange([NotebookCells.LocalityIntro, NotebookCells.Locality, NotebookCells.CostIntro, NotebookCells.Cost]);

        var metadata = new Dictionary<string, string> { ["sessionId"] = session.Id.Value };
        return new NotebookDocument(FileName(session.Id), NotebookJson.Write(cells, metadata));
    }

    /// <summary>
    /// Stands for the session's token in the notebook recorded at launch; the token itself is put in only when the
    /// notebook instance is created, so it is never stored.
    /// </summary>
    public const string TokenPlaceholder = "@@PORTAL_SESSION_TOKEN@@";

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
