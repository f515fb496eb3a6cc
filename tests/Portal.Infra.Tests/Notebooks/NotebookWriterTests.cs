using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

public sealed partial class NotebookWriterTests
{
    private static readonly string[] Era5Cells = ["era5-intro", "era5-files", "era5-open", "era5-map"];
    private static readonly string[] Cmip6Cells = ["cmip6-intro", "cmip6-query", "cmip6-open", "cmip6-select", "cmip6-map"];

    public static TheoryData<DataType, DatasetId[]> Selections => new()
    {
        { DataType.Both, [DatasetCatalog.Era5, DatasetCatalog.Cmip6] },
        { DataType.Historical, [DatasetCatalog.Era5] },
        { DataType.Predictive, [DatasetCatalog.Cmip6] },
    };

    [Fact]
    public void The_file_is_named_after_the_session()
    {
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun());

        Assert.Equal("portal-s-4k7q2m9x1z.ipynb", notebook.FileName);
    }

    [Fact]
    public void The_sample_first_run_has_title_parameters_connect_both_datasets_analysis_and_cost_in_that_order()
    {
        var cells = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun()).Content);

        Assert.Equal(
            [
                "title", "parameters", "connect-intro", "connect",
                "era5-intro", "era5-files", "era5-open",
                "cmip6-intro", "cmip6-query", "cmip6-open", "cmip6-select",
                "analysis-intro", "analysis-helpers", "era5-map", "cmip6-map",
                "cost-intro", "cost",
            ],
            cells.Select(c => c.Id));
        Assert.Equal(NotebookCellType.Markdown, cells[0].Type);
        Assert.Equal(NotebookCellType.Code, cells[1].Type);
        Assert.Equal(["parameters"], cells[1].Tags);
        Assert.All(cells.Where(c => c.Id != "parameters"), c => Assert.Empty(c.Tags));
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void Load_and_map_cells_appear_only_for_the_data_the_request_analyses(DataType dataType, DatasetId[] datasets)
    {
        var ids = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun(dataType, datasets)).Content)
            .Select(c => c.Id)
            .ToList();

        var era5 = dataType != DataType.Predictive;
        var cmip6 = dataType != DataType.Historical;
        Assert.All(Era5Cells, id => Assert.Equal(era5, ids.Contains(id)));
        Assert.All(Cmip6Cells, id => Assert.Equal(cmip6, ids.Contains(id)));
        Assert.DoesNotContain("no-load-cells", ids);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void No_cell_asks_a_question(DataType dataType, DatasetId[] datasets)
    {
        var cells = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun(dataType, datasets)).Content);

        Assert.All(cells, cell =>
        {
            Assert.DoesNotContain("input(", cell.Source, StringComparison.Ordinal);
            Assert.DoesNotContain("ipywidgets", cell.Source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("widgets.", cell.Source, StringComparison.Ordinal);
            Assert.DoesNotContain("getpass", cell.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Only_the_parameters_cell_names_regions_the_rest_read_them_from_the_parameters()
    {
        var cells = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun()).Content);

        Assert.All(cells.Where(c => c.Type == NotebookCellType.Code && c.Id != "parameters"), cell =>
        {
            Assert.DoesNotMatch(RegionCode(), cell.Source);
            Assert.DoesNotContain("/fsx/", cell.Source, StringComparison.Ordinal);
        });
        Assert.Contains("POOLS[ERA5[\"region\"]]", cells.Single(c => c.Id == "era5-open").Source, StringComparison.Ordinal);
        Assert.Contains("POOLS[CMIP6[\"region\"]]", cells.Single(c => c.Id == "cmip6-open").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_names_the_session_what_it_analyses_and_how_it_was_written()
    {
        var title = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun()).Content)[0].Source;

        Assert.StartsWith("# Portal session `s-4k7q2m9x1z`\n", title, StringComparison.Ordinal);
        Assert.Contains("ERA5 `air_temperature_at_2_metres` (2 metre temperature) and CMIP6 `tas`", title, StringComparison.Ordinal);
        Assert.Contains("from 2022-01-01 to 2022-11-28", title, StringComparison.Ordinal);
        Assert.Contains("experiment `ssp245`", title, StringComparison.Ordinal);
        Assert.Contains("Written by the Portal from the session's request when the session was launched (2026-05-04 09:30 UTC)", title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void The_document_has_what_nbformat_4_5_requires(DataType dataType, DatasetId[] datasets)
    {
        using var document = JsonDocument.Parse(SampleSessions.Notebook(SampleSessions.FirstRun(dataType, datasets)).Content);
        var root = document.RootElement;

        Assert.Equal(["cells", "metadata", "nbformat", "nbformat_minor"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
        var kernel = root.GetProperty("metadata").GetProperty("kernelspec");
        Assert.Equal("portal-dask", kernel.GetProperty("name").GetString());
        Assert.Equal("python", kernel.GetProperty("language").GetString());
        Assert.False(string.IsNullOrEmpty(kernel.GetProperty("display_name").GetString()));
        Assert.Equal("python", root.GetProperty("metadata").GetProperty("language_info").GetProperty("name").GetString());

        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(cells.Count, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(cells, AssertValidCell);
    }

    [Fact]
    public void The_cost_url_sits_under_the_portal_base_address_even_without_a_trailing_slash()
    {
        var id = SampleSessions.Id;

        Assert.Equal("https://portal.example.org/api/v1/sessions/s-4k7q2m9x1z/cost", NotebookWriter.CostUri(new Uri("https://portal.example.org"), id).AbsoluteUri);
        Assert.Equal("https://example.org/portal/api/v1/sessions/s-4k7q2m9x1z/cost", NotebookWriter.CostUri(new Uri("https://example.org/portal"), id).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/portal/api/v1/sessions/s-4k7q2m9x1z/cost", NotebookWriter.CostUri(new Uri("http://127.0.0.1:5080/portal/"), id).AbsoluteUri);
        Assert.Throws<ArgumentException>(() => NotebookWriter.CostUri(new Uri("/portal/", UriKind.Relative), id));
    }

    [Fact]
    public void A_plan_for_another_session_is_refused()
    {
        var (session, _) = SampleSessions.Launch(SampleSessions.FirstRun());
        var otherId = SessionId.Parse("s-0000000000");
        var otherPlan = new Portal.Domain.LaunchPlans.LaunchPlanner(
            Portal.Domain.Regions.RegionCatalog.Default, DatasetCatalog.Default, Portal.Domain.LaunchPlans.LaunchSettings.Default)
            .Plan(otherId, SampleSessions.FirstRun());

        Assert.Throws<ArgumentException>(() => new NotebookWriter().Write(session, otherPlan, SampleSessions.PortalBaseUri, SampleSessions.CostToken));
    }

    private static void AssertValidCell(JsonElement cell)
    {
        var type = cell.GetProperty("cell_type").GetString();
        string[] keys = type == "code"
            ? ["cell_type", "execution_count", "id", "metadata", "outputs", "source"]
            : ["cell_type", "id", "metadata", "source"];
        Assert.Equal(keys, cell.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(type, new[] { "code", "markdown" });
        Assert.Matches(CellId(), cell.GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Object, cell.GetProperty("metadata").ValueKind);
        if (type == "code")
        {
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
            Assert.Empty(cell.GetProperty("outputs").EnumerateArray());
        }

        var lines = cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines.SkipLast(1), line => Assert.EndsWith("\n", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain('\n', line.TrimEnd('\n')));
        Assert.DoesNotContain('\n', lines[^1]);
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellId();

    [GeneratedRegex(@"\b(us|eu|ap|sa|ca|me|af)-[a-z]+-\d\b")]
    private static partial Regex RegionCode();
}
