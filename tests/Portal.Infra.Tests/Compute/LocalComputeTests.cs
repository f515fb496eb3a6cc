using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Compute;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Compute;

/// <summary>
/// Real compute in the sandbox, with real processes: Debian's python3 with Dask and Jupyter (CI installs them; without
/// them these tests fail, naming the packages). Each test drives its sessions on the real clock until they are ready.
/// </summary>
public sealed class LocalComputeTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: false);
    private readonly List<string> _folders = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        // Whatever a test left running (its host deleted the pid files with its folder) ends here.
        _folders.ForEach(LocalProcesses.KillNaming);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_launch_runs_a_scheduler_a_worker_group_per_region_and_jupyter_and_stop_ends_every_process()
    {
        await using var host = await HostAsync();
        var id = await LaunchAsync(host);

        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);

        var folder = host.Services.GetRequiredService<LocalComputePaths>().Session(id);
        var records = ready.Steps.Select(s => LocalProcess.Read(folder.PidFile(s.ResourceName))).ToList();
        Assert.All(records, r => Assert.True(r is not null && LocalProcess.IsRunning(r)));
        var probe = host.Services.GetRequiredService<LocalComputeProbe>();
        Assert.Equal(2, await probe.WorkersInPoolAsync(folder, "pool-us-east-1", Ct));
        Assert.Equal(2, await probe.WorkersInPoolAsync(folder, "pool-us-west-2", Ct));
        Assert.StartsWith("tcp://127.0.0.1:", ready.SchedulerAddress, StringComparison.Ordinal);
        Assert.NotNull(host.Services.GetRequiredService<ILocalCompute>().DashboardFor(id));

        // Each region's pool made its own sample data, in the FSx layout, and nothing of the other region's.
        var data = host.Services.GetRequiredService<LocalComputePaths>().DataRoot;
        Assert.True(File.Exists(Path.Combine(data, "us-east-1", "era5-pds", "2022", "01", "data", "air_temperature_at_2_metres.nc")));
        Assert.True(File.Exists(Path.Combine(data, "us-west-2", "cmip6-pds", "pangeo-cmip6.json")));
        Assert.False(Directory.Exists(Path.Combine(data, "us-east-1", "cmip6-pds")));
        Assert.False(Directory.Exists(Path.Combine(data, "us-west-2", "era5-pds")));

        await host.Sessions.StopAsync(Ada, id, Ct);
        await DriveAsync(host, id, s => s.State == SessionState.Stopped);

        Assert.All(records, r => Assert.False(LocalProcess.IsRunning(r!)));
    }

    [Fact]
    public async Task The_notebook_link_opens_jupyter_once_for_the_owner_with_the_session_wired_in()
    {
        await using var host = await HostAsync();
        var id = await LaunchAsync(host);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var gate = host.Services.GetRequiredService<ILocalNotebookGate>();

        var link = await host.Sessions.CreateNotebookLinkAsync(Ada, id, Ct);
        Assert.NotNull(link.Url);
        var (instance, token) = Parse(link.Url);
        Assert.Null(await gate.RedeemAsync(Grace, instance, token, Ct));
        var jupyter = await gate.RedeemAsync(Ada, instance, token, Ct);
        Assert.NotNull(jupyter);
        Assert.Null(await gate.RedeemAsync(Ada, instance, token, Ct));
        Assert.Null(await gate.RedeemAsync(Ada, instance, token + "x", Ct));

        // Jupyter serves the session's notebook: connected to the local scheduler, its data under the local root, the
        // session's token in place of the placeholder.
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(jupyter, Ct)).StatusCode);
        var query = jupyter.Query;
        var contents = new Uri(jupyter, $"/api/contents/portal-{id.Value}.ipynb{query}");
        using var notebook = JsonDocument.Parse(await http.GetStringAsync(contents, Ct));
        var text = notebook.RootElement.GetProperty("content").GetRawText();
        Assert.Contains(ready.SchedulerAddress, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/fsx/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@@PORTAL_SESSION_TOKEN@@", text, StringComparison.Ordinal);
        using var stranger = new HttpClient(new HttpClientHandler { UseCookies = false });
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(new Uri(jupyter, "/api/contents"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Run_analysis_executes_the_notebook_in_the_session_draws_both_maps_and_moves_no_raw_bytes_between_regions()
    {
        await using var host = await HostAsync();
        var id = await LaunchAsync(host);
        await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var analysis = host.Services.GetRequiredService<ISessionAnalysis>();

        Assert.False((await analysis.StartAsync(Grace, id, Ct)).Started);
        var start = await analysis.StartAsync(Ada, id, Ct);
        Assert.True(start.Started, start.Message);
        Assert.False((await analysis.StartAsync(Ada, id, Ct)).Started);
        var run = await WaitForRunAsync(analysis, id);

        Assert.True(run.Status == AnalysisStatus.Succeeded, $"{run.FailedCell}: {run.Error}\n{run.Output}");
        Assert.Equal(["figure-1.png", "figure-2.png"], run.Figures);
        var png = await analysis.ReadFigureAsync(Ada, id, "figure-1.png", Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png![..4]);
        Assert.Null(await analysis.ReadFigureAsync(Grace, id, "figure-1.png", Ct));
        Assert.Null(await analysis.ReadFigureAsync(Ada, id, "../results.json", Ct));
        Assert.Contains("moved between regions: 0 B raw", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PORTAL_SESSION_TOKEN", run.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string[], string[], string[]> NewLayouts => new()
    {
        {
            // ERA5 in its new home and NASA's downscaled projections, both in us-west-2: one pool, two maps.
            "Both", ["nsf-ncar-era5", "nex-gddp-cmip6"], ["tas"],
            [
                Path.Combine("us-west-2", "nsf-ncar-era5", "e5.oper.an.sfc", "202201", "e5.oper.an.sfc.128_167_2t.ll025sc.2022010100_2022013123.nc"),
                Path.Combine("us-west-2", "nex-gddp-cmip6", "NEX-GDDP-CMIP6", "PORTAL-SAMPLE", "ssp245", "r1i1p1f1", "tas", "tas_day_PORTAL-SAMPLE_ssp245_r1i1p1f1_gn_2022.nc"),
            ],
            [
                "Reading ERA5 from ERA5 reanalysis (NSF NCAR) (nsf-ncar-era5, us-west-2), the ERA5 copy selected.",
                "11 monthly files of air_temperature_at_2_metres",
                "tas: PORTAL-SAMPLE (ssp245 r1i1p1f1), 1 yearly files, 332 days",
            ]
        },
        {
            // The large ensemble alone: its only scenario is ssp370, and rsut has no CESM equivalent.
            "Predictive", ["ncar-cesm2-lens"], ["tas", "rsut"],
            [Path.Combine("us-west-2", "ncar-cesm2-lens", "atm", "monthly", "cesm2LE-ssp370-cmip6-TREFHT.zarr", ".zmetadata")],
            [
                "CESM2-LENS has no equivalent of rsut: ",
                "CESM2-LENS ran only SSP3-7.0 after 2014: reading ssp370 where ssp245 was chosen.",
                "tas: TREFHT, 2 members, 11 months",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(NewLayouts))]
    public async Task Run_analysis_reads_each_new_layout_from_its_sample_data_end_to_end(
        string dataType, string[] datasets, string[] variableIds, string[] sampleFiles, string[] printed)
    {
        await using var host = await HostAsync();
        var request = SampleRequests.FirstRun with
        {
            DataType = Enum.Parse<DataType>(dataType),
            Datasets = [.. datasets.Select(DatasetId.Parse)],
            VariableIds = variableIds,
        };
        var launched = await host.Sessions.LaunchAsync(Ada, request, Ct);
        Assert.Empty(launched.Errors);
        var id = launched.SessionId!.Value;
        await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var data = host.Services.GetRequiredService<LocalComputePaths>().DataRoot;
        Assert.All(sampleFiles, file => Assert.True(File.Exists(Path.Combine(data, file)), $"{file} was not generated"));
        Assert.False(Directory.Exists(Path.Combine(data, "us-east-1")));
        var analysis = host.Services.GetRequiredService<ISessionAnalysis>();

        var start = await analysis.StartAsync(Ada, id, Ct);
        Assert.True(start.Started, start.Message);
        var run = await WaitForRunAsync(analysis, id);

        Assert.True(run.Status == AnalysisStatus.Succeeded, $"{run.FailedCell}: {run.Error}\n{run.Output}");
        string[] figures = dataType == "Both" ? ["figure-1.png", "figure-2.png"] : ["figure-1.png"];
        Assert.Equal(figures, run.Figures);
        Assert.All(printed, text => Assert.Contains(text, run.Output, StringComparison.Ordinal));
        Assert.Contains("moved between regions: 0 B raw", run.Output, StringComparison.Ordinal);
        var png = await analysis.ReadFigureAsync(Ada, id, run.Figures[^1], Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png![..4]);
    }

    [Fact]
    public async Task A_pool_reads_only_its_own_regions_data_and_the_notebooks_kernel_reads_none()
    {
        await using var host = await HostAsync();
        var id = await LaunchAsync(host);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var paths = host.Services.GetRequiredService<LocalComputePaths>();
        var east = Path.Combine(paths.DataRoot, "us-east-1", "era5-pds", "2022", "01", "data", "air_temperature_at_2_metres.nc");
        var west = Path.Combine(paths.DataRoot, "us-west-2", "cmip6-pds", "pangeo-cmip6.json");

        // From a client of the session's cluster: a task in the us-east-1 pool reads its own file and is refused the other.
        var output = await PythonAsync(
            """
            import sys
            from dask.distributed import Client
            client = Client(sys.argv[1], timeout="30s")
            def size(path):
                with open(path, "rb") as file:
                    return len(file.read())
            for path in sys.argv[2:]:
                try:
                    print("read", client.submit(size, path, resources={"pool-us-east-1": 1}, pure=False).result())
                except PermissionError as error:
                    print("refused", error)
            """,
            [ready.SchedulerAddress, east, west],
            new Dictionary<string, string>());

        Assert.Matches(@"^read \d+\n", output);
        Assert.Contains($"refused {west} is data of another region: this pool reads only {Path.Combine(paths.DataRoot, "us-east-1")}", output, StringComparison.Ordinal);

        // The notebook's kernel starts with the environment its kernel.json gives, and reads no data at all.
        using var kernel = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(paths.Session(id).Path, "jupyter-path", "kernels", "portal-dask", "kernel.json"), Ct));
        var environment = kernel.RootElement.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var kernelOutput = await PythonAsync(
            """
            import sys
            import portal_sandbox.isolation
            try:
                open(sys.argv[1], "rb")
                print("read")
            except PermissionError as error:
                print("refused", error)
            """,
            [east],
            environment);
        Assert.Contains("the notebook's kernel reads no data", kernelOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_portal_adopts_the_running_processes_and_stops_them()
    {
        var host = await HostAsync();
        try
        {
            var id = await LaunchAsync(host);
            var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
            var folder = host.Services.GetRequiredService<LocalComputePaths>().Session(id);
            var records = ready.Steps.Select(s => LocalProcess.Read(folder.PidFile(s.ResourceName))!).ToList();

            host = await host.RestartAsync(Ct);
            await host.RunOnceAsync(Ct);
            var adopted = await host.Store.FindAsync(id, Ct);

            Assert.Equal(SessionState.Ready, adopted!.State);
            Assert.All(records, r => Assert.True(LocalProcess.IsRunning(r)));
            Assert.Equal(records, adopted.Steps.Select(s => LocalProcess.Read(folder.PidFile(s.ResourceName))!).ToList());

            await host.Sessions.StopAsync(Ada, id, Ct);
            await DriveAsync(host, id, s => s.State == SessionState.Stopped);
            Assert.All(records, r => Assert.False(LocalProcess.IsRunning(r)));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_sweep_ends_processes_that_no_live_session_owns()
    {
        await using var host = await HostAsync();
        var paths = host.Services.GetRequiredService<LocalComputePaths>();
        var folder = paths.Session(SessionId.New());
        folder.Create();
        var orphan = LocalProcess.Start("/bin/sleep", ["300"], new Dictionary<string, string>(), folder.Path, folder.LogFile("portal-orphan"), folder.PidFile("portal-orphan"));
        Assert.True(LocalProcess.IsRunning(orphan));

        var janitor = host.Services.GetRequiredService<LocalComputeJanitor>();
        Assert.Equal(1, await janitor.SweepAsync(Ct));
        await WaitAsync(() => !LocalProcess.IsRunning(orphan));
        await janitor.SweepAsync(Ct);

        Assert.False(Directory.Exists(folder.Path));
    }

    private async Task<InfraTestHost> HostAsync()
    {
        var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
        {
            ["Sandbox:Compute"] = "Local",
            // The test's clock is fake: a start timeout measured on it would never run out, so make it explicit.
            ["Sandbox:LocalStartTimeout"] = "00:30:00",
        });
        _folders.Add(host.DataDirectory);
        return host;
    }

    private static async Task<SessionId> LaunchAsync(InfraTestHost host)
    {
        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        Assert.Empty(result.Errors);
        return result.SessionId!.Value;
    }

    /// <summary>Passes on the real clock (the processes run on it) until <paramref name="done"/>, within two minutes.</summary>
    private static async Task<Session> DriveAsync(InfraTestHost host, SessionId id, Func<Session, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        Session? session = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await host.RunOnceAsync(Ct);
            session = await host.Store.FindAsync(id, Ct);
            if (session is not null && done(session))
            {
                return session;
            }

            Assert.False(session?.State is SessionState.Failed or SessionState.NeedsAttention,
                $"{session?.State}: {session?.FailureReason} {session?.AttentionReason}");
            host.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        Assert.Fail($"Not done after two minutes: {session?.State}; {string.Join("; ", session?.Steps.Select(s => $"{s.ResourceName} {s.Status} {s.ProviderStatus} {s.Message}") ?? [])}");
        return session!;
    }

    private static async Task<AnalysisRun> WaitForRunAsync(ISessionAnalysis analysis, SessionId id)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
        AnalysisRun? run = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            run = await analysis.FindAsync(Ada, id, Ct);
            if (run is { Status: not AnalysisStatus.Running })
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        }

        Assert.Fail($"The analysis did not end in four minutes: {run?.Status}");
        return run!;
    }

    /// <summary>Runs a script with Debian's python3 and the shipped helpers on its path; returns what it printed.</summary>
    private static async Task<string> PythonAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = LocalComputePaths.HelperPath;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(condition(), "The condition did not hold within ten seconds.");
    }

    private static (string Instance, string Token) Parse(Uri relative)
    {
        var absolute = new Uri(new Uri("http://portal.test"), relative);
        var token = System.Web.HttpUtility.ParseQueryString(absolute.Query)["authToken"]!;
        return (Uri.UnescapeDataString(absolute.Segments[^1]), token);
    }
}
