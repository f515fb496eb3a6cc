using Portal.Domain.Cloud;
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
    private static readonly string[] NexGddpCells = ["nex-gddp-intro", "nex-gddp-files", "nex-gddp-open", "nex-gddp-map"];
    private static readonly string[] Cesm2Cells = ["cesm2-intro", "cesm2-open", "cesm2-map"];
    private static readonly string[] ByPathCells = ["by-path-intro", "by-path"];

    public static TheoryData<DataType, DatasetId[]> Selections => new()
    {
        { DataType.Both, [DatasetCatalog.Era5, DatasetCatalog.Cmip6] },
        { DataType.Historical, [DatasetCatalog.Era5] },
        { DataType.Predictive, [DatasetCatalog.Cmip6] },
        { DataType.Historical, [DatasetCatalog.Era5Ncar] },
        { DataType.Both, [DatasetCatalog.Era5Ncar, DatasetCatalog.NexGddpCmip6] },
        { DataType.Both, [DatasetCatalog.Era5Ncar, DatasetCatalog.Cesm2Lens] },
        { DataType.Predictive, [DatasetCatalog.NexGddpCmip6] },
        { DataType.Predictive, [DatasetCatalog.Cesm2Lens] },
        { DataType.Both, [DatasetCatalog.Era5, DatasetCatalog.Era5Ncar, DatasetCatalog.Cmip6, DatasetCatalog.NexGddpCmip6, DatasetCatalog.Cesm2Lens] },
        { DataType.Both, [DatasetCatalog.Era5Ncar, DatasetCatalog.NexGddpCmip6, SampleSessions.MurSst, SampleSessions.Gfs] },
        { DataType.Historical, [DatasetCatalog.Era5, SampleSessions.Gfs] },
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
                "title", "parameters", "connect-intro", "connect", "activity",
                "era5-intro", "era5-files", "era5-open",
                "cmip6-intro", "cmip6-query", "cmip6-open", "cmip6-select",
                "analysis-intro", "analysis-helpers", "era5-map", "cmip6-map",
                "locality-intro", "locality", "cost-intro", "cost",
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
        var ids = Ids(Notebook(dataType, datasets));

        var era5 = dataType != DataType.Predictive;
        var projections = dataType != DataType.Historical;
        Assert.All(Era5Cells, id => Assert.Equal(era5, ids.Contains(id)));
        Assert.All(Cmip6Cells, id => Assert.Equal(projections && datasets.Contains(DatasetCatalog.Cmip6), ids.Contains(id)));
        Assert.All(NexGddpCells, id => Assert.Equal(projections && datasets.Contains(DatasetCatalog.NexGddpCmip6), ids.Contains(id)));
        Assert.All(Cesm2Cells, id => Assert.Equal(projections && datasets.Contains(DatasetCatalog.Cesm2Lens), ids.Contains(id)));
        Assert.All(ByPathCells, id => Assert.Equal(datasets.Contains(SampleSessions.MurSst) || datasets.Contains(SampleSessions.Gfs), ids.Contains(id)));
        Assert.DoesNotContain("no-load-cells", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_analysed_dataset_gets_its_section_load_cells_first_then_the_maps_in_the_same_order()
    {
        var ids = Ids(Notebook(DataType.Both, [DatasetCatalog.Cesm2Lens, DatasetCatalog.NexGddpCmip6, DatasetCatalog.Era5Ncar, DatasetCatalog.Era5, DatasetCatalog.Cmip6, SampleSessions.MurSst]));

        Assert.Equal(
            [
                "title", "parameters", "connect-intro", "connect", "activity",
                "era5-intro", "era5-files", "era5-open",
                "cmip6-intro", "cmip6-query", "cmip6-open", "cmip6-select",
                "nex-gddp-intro", "nex-gddp-files", "nex-gddp-open",
                "cesm2-intro", "cesm2-open",
                "analysis-intro", "analysis-helpers", "era5-map", "cmip6-map", "nex-gddp-map", "cesm2-map",
                "by-path-intro", "by-path",
                "locality-intro", "locality", "cost-intro", "cost",
            ],
            ids);
    }

    [Fact]
    public void Only_datasets_opened_by_path_get_the_by_path_cells_without_analysis()
    {
        var ids = Ids(Notebook(DataType.Both, [SampleSessions.MurSst, SampleSessions.Gfs]));

        Assert.Equal(["title", "parameters", "connect-intro", "connect", "activity", "by-path-intro", "by-path", "locality-intro", "locality", "cost-intro", "cost"], ids);
    }

    [Fact]
    public void The_parameters_say_each_datasets_layout_kind_and_name_and_where_those_opened_by_path_are()
    {
        var (session, plan) = SampleSessions.Launch(
            SampleSessions.FirstRun(DataType.Both, [.. DatasetCatalog.Curated.Select(d => d.Id), SampleSessions.MurSst, SampleSessions.Gfs]),
            SampleSessions.WithOthers());

        var values = NotebookParameters.Values(session, plan, SampleSessions.PortalBaseUri, SampleSessions.CostToken);

        var paths = Assert.IsType<Dictionary<string, object?>>(values.Single(v => v.Name == "DATASET_PATHS").Value);
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                ["era5"] = ("era5_pds", "reanalysis"),
                ["nsf-ncar-era5"] = ("nsf_ncar_era5", "reanalysis"),
                ["cmip6"] = ("cmip6_zarr", "projection"),
                ["nex-gddp-cmip6"] = ("nex_gddp_cmip6", "projection"),
                ["ncar-cesm2-lens"] = ("cesm2_lens", "projection"),
                ["mur-sst"] = ("none", "other"),
                ["noaa-gfs-bdp-pds"] = ("none", "other"),
            },
            paths.ToDictionary(p => p.Key, p => ((string)Entry(p.Value)["layout"]!, (string)Entry(p.Value)["kind"]!)));
        var ncar = Entry(paths["nsf-ncar-era5"]);
        Assert.Equal("ERA5 reanalysis (NSF NCAR)", ncar["name"]);
        Assert.Equal("/fsx/us-west-2/nsf-ncar-era5", ncar["fsx_path"]);
        Assert.Equal("/fsx/us-west-2/nex-gddp-cmip6/NEX-GDDP-CMIP6", Entry(paths["nex-gddp-cmip6"])["fsx_path"]);
        Assert.False(ncar.ContainsKey("more_s3_uris"));
        var mur = Entry(paths["mur-sst"]);
        Assert.Equal(["s3://mur-sst/zarr"], Assert.IsType<List<string>>(mur["more_s3_uris"]));
        Assert.Equal(false, mur["requester_pays"]);
        Assert.Equal("zarr", mur["format"]);
        var gfs = Entry(paths["noaa-gfs-bdp-pds"]);
        Assert.Empty(Assert.IsType<List<string>>(gfs["more_s3_uris"]));
        Assert.Equal(true, gfs["requester_pays"]);
        Assert.Equal("grib", gfs["format"]);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void No_text_of_the_request_reaches_a_cell_other_than_the_parameters(DataType dataType, DatasetId[] datasets)
    {
        // Markers no fixed cell could hold: whatever the request says reaches the notebook through the parameters only.
        var request = SampleSessions.FirstRun(dataType, datasets) with
        {
            Variable = "zqvariable",
            ActivityIds = ["zqactivity"],
            TableId = "zqtable",
            VariableIds = ["zqvariableid"],
            Experiment = "zqexperiment",
            WorkerSize = "zqworker.large",
            StartDate = new DateOnly(1999, 12, 17),
            EndDate = new DateOnly(2001, 3, 9),
        };

        var cells = NotebookReader.Read(SampleSessions.Notebook(request, catalog: SampleSessions.WithOthers()).Content);

        Assert.All(cells.Where(c => c.Id is not "parameters" and not "title"), cell =>
        {
            foreach (var marker in (string[])["zq", "1999", "2001"])
            {
                Assert.DoesNotContain(marker, cell.Source, StringComparison.Ordinal);
            }
        });
        Assert.Contains("zqvariableid", cells.Single(c => c.Id == "parameters").Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void No_cell_asks_a_question(DataType dataType, DatasetId[] datasets)
    {
        var cells = NotebookReader.Read(Notebook(dataType, datasets).Content);

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
        var cells = NotebookReader.Read(Notebook(DataType.Both, [.. DatasetCatalog.Curated.Select(d => d.Id), SampleSessions.MurSst]).Content);

        Assert.All(cells.Where(c => c.Type == NotebookCellType.Code && c.Id != "parameters"), cell =>
        {
            Assert.DoesNotMatch(RegionCode(), cell.Source);
            Assert.DoesNotContain("/fsx/", cell.Source, StringComparison.Ordinal);
        });
        Assert.Contains("open_era5(client, ERA5[\"region\"], era5_paths)", cells.Single(c => c.Id == "era5-open").Source, StringComparison.Ordinal);
        Assert.Contains("CMIP6[\"region\"],", cells.Single(c => c.Id == "cmip6-open").Source, StringComparison.Ordinal);
        Assert.Contains("client, NEX[\"region\"], NEX[\"fsx_path\"]", cells.Single(c => c.Id == "nex-gddp-open").Source, StringComparison.Ordinal);
        Assert.Contains("client, CESM2[\"region\"], CESM2[\"fsx_path\"]", cells.Single(c => c.Id == "cesm2-open").Source, StringComparison.Ordinal);
        Assert.Contains("describe_by_path(client, DATASET_PATHS)", cells.Single(c => c.Id == "by-path").Source, StringComparison.Ordinal);
        Assert.Contains("wait_for_pools(client, list(POOLS)", cells.Single(c => c.Id == "connect").Source, StringComparison.Ordinal);
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

    [Fact]
    public void The_title_names_every_dataset_it_analyses()
    {
        var title = NotebookReader.Read(Notebook(DataType.Both, [DatasetCatalog.Era5Ncar, DatasetCatalog.NexGddpCmip6, DatasetCatalog.Cesm2Lens]).Content)[0].Source;

        Assert.Contains("The mean over time of ERA5 `air_temperature_at_2_metres` (2 metre temperature), NEX-GDDP-CMIP6 `tas` and CESM2-LENS `tas`, from 2022-01-01", title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void The_document_has_what_nbformat_4_5_requires(DataType dataType, DatasetId[] datasets)
    {
        using var document = JsonDocument.Parse(Notebook(dataType, datasets).Content);
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

    /// <summary>The notebook of the sample's first run with these choices, the registry's other datasets in the catalogue.</summary>
    internal static NotebookDocument Notebook(DataType dataType, DatasetId[] datasets) =>
        SampleSessions.Notebook(SampleSessions.FirstRun(dataType, datasets), catalog: SampleSessions.WithOthers());

    private static List<string> Ids(NotebookDocument notebook) => [.. NotebookReader.Read(notebook.Content).Select(c => c.Id)];

    private static Dictionary<string, object?> Entry(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

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
