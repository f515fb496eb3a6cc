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
        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(SampleSessions.FirstRun(dataType, datasets)), [], []);

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
                "era5": {"region": "us-east-1", "s3_uri": "s3://era5-pds", "fsx_path": "/fsx/us-east-1/era5-pds", "format": "netcdf"},
                "cmip6": {"region": "us-west-2", "s3_uri": "s3://cmip6-pds", "fsx_path": "/fsx/us-west-2/cmip6-pds", "format": "zarr"}
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
        var session = Session.Create(SampleSessions.Id, new Actor("ada", isAdmin: false), hostile, plan, 4.56m, SampleSessions.LaunchedAt);
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

        var report = await NotebookHarness.RunAsync(SampleSessions.Notebook(request), ["parameters", "era5-files"], ["era5_files"]);

        var files = report.Values.GetProperty("era5_files").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(count, files.Count);
        Assert.Equal($"/fsx/us-east-1/era5-pds/{first}/data/air_temperature_at_2_metres.nc", files[0]);
        Assert.Equal($"/fsx/us-east-1/era5-pds/{last}/data/air_temperature_at_2_metres.nc", files[^1]);
        Assert.Equal(count, files.Distinct().Count());
        Assert.Contains($"{count} monthly files of air_temperature_at_2_metres", report.Output, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_connect_cell_counts_each_pools_workers_and_names_a_pool_without_any(bool distributedBefore2025)
    {
        var fakes = Directory.CreateTempSubdirectory("portal-fake-dask-");
        try
        {
            Directory.CreateDirectory(Path.Combine(fakes.FullName, "dask"));
            await File.WriteAllTextAsync(Path.Combine(fakes.FullName, "dask", "__init__.py"), string.Empty, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(fakes.FullName, "dask", "distributed.py"), FakeDistributed, TestContext.Current.CancellationToken);
            var environment = new Dictionary<string, string> { ["FAKE_DISTRIBUTED_LEGACY"] = distributedBefore2025 ? "1" : string.Empty };

            var report = await NotebookHarness.RunAsync(
                SampleSessions.Notebook(SampleSessions.FirstRun()), ["parameters", "connect"], ["pools_without_workers"], fakes.FullName, environment);

            Assert.Contains("connected to tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786", report.Output, StringComparison.Ordinal);
            Assert.Contains("us-east-1: 2 of 2 workers connected in pool-us-east-1.", report.Output, StringComparison.Ordinal);
            Assert.Contains("us-west-2: no connected worker advertises pool-us-west-2", report.Output, StringComparison.Ordinal);
            Assert.Equal(["pool-us-west-2"], report.Values.GetProperty("pools_without_workers").EnumerateArray().Select(e => e.GetString()));
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
        import os


        class Client:
            def __init__(self, address):
                print(f"connected to {address}")

            def scheduler_info(self, **kwargs):
                if os.environ.get("FAKE_DISTRIBUTED_LEGACY") and kwargs:
                    raise TypeError("scheduler_info() got an unexpected keyword argument 'n_workers'")
                if not os.environ.get("FAKE_DISTRIBUTED_LEGACY") and kwargs.get("n_workers") != -1:
                    raise AssertionError("ask for every worker: 2025.4 and later list five by default")
                return {"workers": {
                    "tcp://10.1.0.5:40001": {"resources": {"pool-us-east-1": 1}},
                    "tcp://10.1.0.6:40001": {"resources": {"pool-us-east-1": 1}},
                    "tcp://10.0.0.9:40001": {"resources": {}},
                }}
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
