using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>The written notebook as python3 sees it: every code cell parses, and the standard-library cells run.</summary>
public sealed class NotebookPythonTests
{
    public static TheoryData<DataType, DatasetId[]> Selections => NotebookWriterTests.Selections;

    [Theory]
    [MemberData(nameof(Selections))]
    public async Task Every_code_cell_is_valid_python(DataType dataType, DatasetId[] datasets)
    {
        var report = await NotebookHarness.RunAsync(NotebookWriterTests.Notebook(dataType, datasets), [], []);

        Assert.Empty(report.SyntaxErrors);
    }

    [Fact]
    public async Task The_sample_first_run_parameters_cell_holds_exactly_the_form_choices()
    {
        var (session, _) = SampleSessions.Launch(SampleSessions.FirstRun());

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(SampleSessions.FirstRun()), ["parameters"], report: null);

        var expected = JsonNode.Parse($$"""
            {
              "SESSION_ID": "s-4k7q2m9x1z",
              "SCHEDULER_ADDRESS": "{{session.SchedulerAddress}}",
              "POOLS": {"us-east-1": "pool-us-east-1", "us-west-2": "pool-us-west-2"},
              "DATASET_PATHS": {
                "era5": {"region": "us-east-1", "s3_uri": "s3://era5-pds", "fsx_path": "/fsx/us-east-1/era5-pds", "format": "netcdf",
                         "layout": "era5_pds", "kind": "reanalysis", "name": "ERA5 reanalysis"},
                "cmip6": {"region": "us-west-2", "s3_uri": "s3://cmip6-pds", "fsx_path": "/fsx/us-west-2/cmip6-pds", "format": "zarr",
                          "layout": "cmip6_zarr", "kind": "projection", "name": "CMIP6 projections"}
              },
              "DATA_TYPE": "Both",
              "VARIABLE_CATEGORY": "temperature",
              "VARIABLE": "air_temperature_at_2_metres",
              "START_DATE": "2022-01-01",
              "END_DATE": "2022-11-28",
              "ACTIVITY_IDS": ["ScenarioMIP", "CMIP"],
              "TABLE_ID": "Amon",
              "VARIABLE_IDS": ["tas"],
              "EXPERIMENT": "ssp245",
              "INSTITUTION_IDS": [],
              "SOURCE_IDS": [],
              "WORKERS_PER_REGION": 2,
              "MAXIMUM_HOURS": 4,
              "WORKER_SIZE": "m5d.4xlarge",
              "PORTAL_COST_URL": "https://portal.example.org/api/v1/sessions/s-4k7q2m9x1z/cost",
              "PORTAL_COST_TOKEN": "CfDJ8-sample-cost-token"
            }
            """);
        Assert.Equal("tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786", session.SchedulerAddress);
        AssertJsonEqual(expected, report.Values);
        Assert.Equal("int", report.Types["WORKERS_PER_REGION"]);
        Assert.Equal("int", report.Types["MAXIMUM_HOURS"]);
        Assert.Equal("list", report.Types["ACTIVITY_IDS"]);
        Assert.Equal(string.Empty, report.Output);
    }

    [Fact]
    public async Task Request_text_with_quotes_backslashes_and_unicode_reaches_python_unchanged()
    {
        var valid = SampleSessions.FirstRun();
        var (_, plan) = SampleSessions.Launch(valid);
        // The writer must not trust the request's text: build a session whose request holds hostile strings.
        var hostile = valid with
        {
            Variable = "air\"\"\"; import os; os.system('rm -rf /') #",
            ActivityIds = ["back\\slash\\", "quote\"s and 'single'", "new\nline\r\n"],
            TableId = "é 漢字 😀 \u2028 \u202e \u0000",
            VariableIds = ["tas\\n", "\\x41"],
            Experiment = "ssp245\"]\nEXPERIMENT = \"pwned",
            WorkerSize = "{WORKER_SIZE}",
        };
        var session = Session.Create(SampleSessions.Id, new Actor("ada", isAdmin: false), hostile, SessionLaunching.For(plan, hostile, 4.56m), SampleSessions.LaunchedAt);
        var notebook = new NotebookWriter().Write(session, plan, SampleSessions.PortalBaseUri, SampleSessions.CostToken);

        var report = await NotebookHarness.RunAsync(notebook, ["parameters"], ["VARIABLE", "ACTIVITY_IDS", "TABLE_ID", "VARIABLE_IDS", "EXPERIMENT", "WORKER_SIZE"]);

        Assert.Empty(report.SyntaxErrors);
        Assert.Equal(hostile.Variable, report.Values.GetProperty("VARIABLE").GetString());
        Assert.Equal(hostile.ActivityIds, report.Values.GetProperty("ACTIVITY_IDS").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(hostile.TableId, report.Values.GetProperty("TABLE_ID").GetString());
        Assert.Equal(hostile.VariableIds, report.Values.GetProperty("VARIABLE_IDS").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(hostile.Experiment, report.Values.GetProperty("EXPERIMENT").GetString());
        Assert.Equal(hostile.WorkerSize, report.Values.GetProperty("WORKER_SIZE").GetString());
    }

    [Theory]
    [InlineData("2022-01-01", "2022-11-28", 11, "2022/01", "2022/11")]
    [InlineData("2021-11-15", "2022-02-03", 4, "2021/11", "2022/02")]
    [InlineData("2016-01-31", "2016-03-01", 3, "2016/01", "2016/03")]
    [InlineData("2020-02-29", "2020-02-29", 1, "2020/02", "2020/02")]
    public async Task The_era5_cells_list_one_file_per_month_of_the_date_range(string start, string end, int count, string first, string last)
    {
        var request = SampleSessions.FirstRun(DataType.Historical, DatasetCatalog.Era5) with
        {
            StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "era5-files"], ["era5_paths"]);

        var files = report.Values.GetProperty("era5_paths").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(count, files.Count);
        Assert.Equal($"/fsx/us-east-1/era5-pds/{first}/data/air_temperature_at_2_metres.nc", files[0]);
        Assert.Equal($"/fsx/us-east-1/era5-pds/{last}/data/air_temperature_at_2_metres.nc", files[^1]);
        Assert.Equal(count, files.Distinct().Count());
        Assert.Contains($"{count} monthly files of air_temperature_at_2_metres", report.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-01-01", "2022-11-28", 11, "202201/e5.oper.an.sfc.128_167_2t.ll025sc.2022010100_2022013123.nc", "202211/e5.oper.an.sfc.128_167_2t.ll025sc.2022110100_2022113023.nc")]
    [InlineData("2020-02-10", "2020-03-01", 2, "202002/e5.oper.an.sfc.128_167_2t.ll025sc.2020020100_2020022923.nc", "202003/e5.oper.an.sfc.128_167_2t.ll025sc.2020030100_2020033123.nc")]
    public async Task The_era5_cells_list_ncars_monthly_files_when_nsf_ncar_era5_is_selected(string start, string end, int count, string first, string last)
    {
        var request = SampleSessions.FirstRun(DataType.Historical, DatasetCatalog.Era5Ncar) with
        {
            StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "era5-files"], ["era5_paths", "era5_id"]);

        var files = report.Values.GetProperty("era5_paths").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("nsf-ncar-era5", report.Values.GetProperty("era5_id").GetString());
        Assert.Equal(count, files.Count);
        Assert.Equal("/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/" + first, files[0]);
        Assert.Equal("/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/" + last, files[^1]);
        Assert.StartsWith("Reading ERA5 from ERA5 reanalysis (NSF NCAR) (nsf-ncar-era5, us-west-2), the ERA5 copy selected.\n", report.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("air_temperature_at_2_metres", "nsf-ncar-era5", "Both ERA5 copies are selected: reading ERA5 reanalysis (NSF NCAR) (nsf-ncar-era5, us-west-2), which the registry names as the successor of the deprecated era5")]
    [InlineData("precipitation_amount_1hour_Accumulation", "era5", "Both ERA5 copies are selected: reading ERA5 reanalysis (era5, us-east-1), because nsf-ncar-era5 keeps precipitation_amount_1hour_Accumulation outside its analysis-surface files")]
    public async Task With_both_era5_copies_the_notebook_reads_nsf_ncar_era5_unless_ncar_keeps_the_variable_elsewhere_and_says_so(string variable, string chosen, string reason)
    {
        var request = SampleSessions.FirstRun(DataType.Historical, DatasetCatalog.Era5, DatasetCatalog.Era5Ncar) with { Variable = variable };

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "era5-files"], ["era5_id"]);

        Assert.Equal(chosen, report.Values.GetProperty("era5_id").GetString());
        Assert.StartsWith(reason, report.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-01-01", "2022-11-28", new[] { "tas" }, "NEX-GDDP-CMIP6 ['tas'] for ssp245 2022-2022\n")]
    [InlineData("2013-07-01", "2016-06-30", new[] { "ta", "tas" }, "NEX-GDDP-CMIP6 has no ta: its variables are hurs, huss, pr, rlds, rsds, sfcWind, tas, tasmax, tasmin.\nNEX-GDDP-CMIP6 ['tas'] for historical 2013-2014, ssp245 2015-2016\n")]
    public async Task The_nex_gddp_cells_read_the_scenarios_of_the_dates_and_name_the_variables_it_lacks(string start, string end, string[] variableIds, string output)
    {
        var request = SampleSessions.FirstRun(DataType.Predictive, DatasetCatalog.NexGddpCmip6) with
        {
            StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            VariableIds = variableIds,
        };

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "nex-gddp-files"], ["nex_variables", "NEX_MODEL"]);

        Assert.Equal(output, report.Output);
        Assert.Equal(["tas"], report.Values.GetProperty("nex_variables").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, report.Values.GetProperty("NEX_MODEL").ValueKind);
    }

    [Theory]
    [InlineData(new[] { "ScenarioMIP", "CMIP" }, new[] { "ssp245", "historical" })]
    [InlineData(new[] { "ScenarioMIP" }, new[] { "ssp245" })]
    [InlineData(new[] { "CMIP" }, new[] { "ssp245", "historical" })]
    public async Task The_cmip6_search_adds_the_historical_experiment_when_CMIP_is_an_activity(string[] activityIds, string[] experimentIds)
    {
        var request = SampleSessions.FirstRun(DataType.Predictive, DatasetCatalog.Cmip6) with { ActivityIds = activityIds };

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "cmip6-query"], ["experiment_ids", "cmip6_catalogue"]);

        Assert.Equal(experimentIds, report.Values.GetProperty("experiment_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/fsx/us-west-2/cmip6-pds/pangeo-cmip6.json", report.Values.GetProperty("cmip6_catalogue").GetString());
    }

    [Fact]
    public async Task The_connect_cell_waits_for_every_pool_of_the_session_and_starts_counting_locality()
    {
        var fakes = Directory.CreateTempSubdirectory("portal-fake-dask-");
        try
        {
            Directory.CreateDirectory(Path.Combine(fakes.FullName, "dask"));
            Directory.CreateDirectory(Path.Combine(fakes.FullName, "portal_dask"));
            await File.WriteAllTextAsync(Path.Combine(fakes.FullName, "dask", "__init__.py"), string.Empty, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(fakes.FullName, "dask", "distributed.py"), FakeDistributed, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(fakes.FullName, "portal_dask", "__init__.py"), FakePortalDask, TestContext.Current.CancellationToken);

            var report = await NotebookHarness.RunAsync(
                SampleSessions.Notebook(SampleSessions.FirstRun()), ["parameters", "connect"], ["POOL_TIMEOUT"], fakes.FullName);

            Assert.Contains("connected to tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786 within 60s", report.Output, StringComparison.Ordinal);
            Assert.Contains("waited for ['us-east-1', 'us-west-2'] up to 180 s", report.Output, StringComparison.Ordinal);
            Assert.Contains("us-east-1: 2 worker(s) connected in pool-us-east-1 (2 requested).", report.Output, StringComparison.Ordinal);
            Assert.Contains("us-west-2: 1 worker(s) connected in pool-us-west-2 (2 requested).", report.Output, StringComparison.Ordinal);
            Assert.Contains("locality counted", report.Output, StringComparison.Ordinal);
            Assert.Equal(180, report.Values.GetProperty("POOL_TIMEOUT").GetInt32());
        }
        finally
        {
            fakes.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_cost_cell_prints_what_the_portal_api_answers()
    {
        await using var portal = await FakePortal.StartAsync();
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(), portal.BaseUri);

        var report = await NotebookHarness.RunAsync(notebook, ["parameters", "cost"], []);

        Assert.Equal(["/api/v1/sessions/s-4k7q2m9x1z/cost"], portal.Paths);
        Assert.Equal(["Bearer " + SampleSessions.CostToken], portal.Authorizations);
        Assert.Equal("Session s-4k7q2m9x1z has cost $1,234.50 so far, at $4.56 an hour (as of 2026-05-04T10:00:00Z).\n", report.Output);
    }

    [Fact]
    public async Task The_activity_cell_tells_the_portal_with_the_sessions_token()
    {
        await using var portal = await FakePortal.StartAsync();
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(), portal.BaseUri);

        var report = await NotebookHarness.RunAsync(notebook, ["parameters", "activity"], []);

        Assert.Equal(["/api/v1/sessions/s-4k7q2m9x1z/activity"], portal.Paths);
        Assert.Equal(["Bearer " + SampleSessions.CostToken], portal.Authorizations);
        // No Dask client in this run: the scheduler plugin says it is not installed, and the notebook still reports.
        Assert.EndsWith("The portal knows the session is in use.\n", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cost_cell_explains_an_http_error()
    {
        await using var portal = await FakePortal.StartAsync();
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(), new Uri(portal.BaseUri, "elsewhere/"));

        var report = await NotebookHarness.RunAsync(notebook, ["parameters", "cost"], []);

        Assert.StartsWith("The portal answered 404 Not Found for http://", report.Output, StringComparison.Ordinal);
        Assert.Contains("The session's page in the portal shows its cost.", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cost_cell_explains_an_unreachable_portal()
    {
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(), new Uri($"http://127.0.0.1:{FreePort()}/"));

        var report = await NotebookHarness.RunAsync(notebook, ["parameters", "cost"], []);

        Assert.StartsWith("Could not read the session's cost from http://127.0.0.1:", report.Output, StringComparison.Ordinal);
        Assert.Contains("The session's page in the portal shows its cost.", report.Output, StringComparison.Ordinal);
    }

    private const string FakeDistributed = """
        class Client:
            def __init__(self, address, timeout=None):
                print(f"connected to {address} within {timeout}")
        """;

    /// <summary>Stands for the helper: what the connect cell asks of it, printed.</summary>
    private const string FakePortalDask = """
        def wait_for_pools(client, regions, timeout=120, poll=1.0):
            print(f"waited for {sorted(regions)} up to {timeout} s")
            return {"us-east-1": 2, "us-west-2": 1}


        def start_locality(client):
            print("locality counted")
        """;

    private static void AssertJsonEqual(JsonNode? expected, JsonElement actual)
    {
        var actualNode = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, actualNode), $"Expected\n{expected}\nbut python3 read\n{actualNode}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serves the cost endpoint the lead's API will serve, on a loopback port.</summary>
    private sealed class FakePortal : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _paths = [];
        private readonly List<string> _authorizations = [];

        private FakePortal(WebApplication app) => _app = app;

        public Uri BaseUri => new(_app.Urls.First() + "/");

        public IReadOnlyList<string> Paths => _paths;

        public IReadOnlyList<string> Authorizations => _authorizations;

        public static async Task<FakePortal> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var portal = new FakePortal(app);
            app.Use((context, next) =>
            {
                lock (portal._paths)
                {
                    portal._paths.Add(context.Request.Path.Value ?? string.Empty);
                    portal._authorizations.Add(context.Request.Headers.Authorization.ToString());
                }

                return next(context);
            });
            app.MapPost("/api/v1/sessions/{id}/activity", (string id) => Results.NoContent());
            app.MapGet("/api/v1/sessions/{id}/cost", (string id) => Results.Text(
                $$"""{"sessionId": "{{id}}", "costSoFarUsd": 1234.5, "hourlyUsd": 4.56, "asOf": "2026-05-04T10:00:00Z"}""",
                "application/json"));
            await app.StartAsync(TestContext.Current.CancellationToken);
            return portal;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
