using Portal.Domain.Cloud;
using System.Globalization;
using System.Text;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Infra.Notebooks;

/// <summary>The title cell: which session, what it analyses, and how the notebook came to be.</summary>
internal static class NotebookTitle
{
    /// <param name="projections">The projection datasets read, by the names the title gives them (CMIP6, NEX-GDDP-CMIP6…).</param>
    public static NotebookCell Cell(Session session, IReadOnlyList<Dataset> datasets, bool loadsEra5, IReadOnlyList<string> projections)
    {
        var request = session.Request;
        var text = new StringBuilder();
        text.Append("# Portal session ").Append(MarkdownText.Code(session.Id.Value)).Append("\n\n");

        var analyses = new List<string>();
        if (loadsEra5)
        {
            var longName = Era5Variables.Find(request.Variable)?.LongName;
            analyses.Add("ERA5 " + MarkdownText.Code(request.Variable) + (longName is null ? string.Empty : $" ({MarkdownText.Plain(longName)})"));
        }

        var variableIds = string.Join(", ", request.VariableIds.Select(MarkdownText.Code));
        analyses.AddRange(projections.Select(name => MarkdownText.Plain(name) + " " + variableIds));

        var dates = $"{NotebookParameters.IsoDate(request.StartDate)} to {NotebookParameters.IsoDate(request.EndDate)}";
        text.Append(analyses.Count > 0
            ? $"The mean over time of {Join(analyses)}, from {dates}, each computed in the region that holds the data and plotted."
            : $"Data from {dates}.");
        text.Append("\n\n");

        text.Append("- Data type: ").Append(MarkdownText.Plain(request.DataType.ToString()))
            .Append("; variable category: ").Append(MarkdownText.Plain(Era5Variables.Label(request.VariableCategory))).Append('\n');
        text.Append("- Datasets: ").Append(string.Join(", ", datasets.Select(d => MarkdownText.Plain(d.DisplayName)))).Append('\n');
        if (request.UsesProjections)
        {
            text.Append("- CMIP6 facets: activities ").Append(string.Join(", ", request.ActivityIds.Select(MarkdownText.Code)))
                .Append("; table ").Append(MarkdownText.Code(request.TableId))
                .Append("; variables ").Append(string.Join(", ", request.VariableIds.Select(MarkdownText.Code)))
                .Append("; experiment ").Append(MarkdownText.Code(request.Experiment)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"- Compute: {request.WorkersPerRegion} ")
            .Append(MarkdownText.Code(request.WorkerSize))
            .Append(CultureInfo.InvariantCulture, $" workers per region, for at most {request.MaximumHours} hours\n\n");

        text.Append("Written by the Portal from the session's request when the session was launched (")
            .Append(session.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append("). It asks no questions: every choice is in the next cell, tagged `parameters` (papermill style). ")
            .Append("Run all cells in order, or change a value there and run them again.");
        return NotebookCell.Markdown("title", text.ToString());
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Join(List<string> parts) =>
        parts.Count <= 2 ? string.Join(" and ", parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
