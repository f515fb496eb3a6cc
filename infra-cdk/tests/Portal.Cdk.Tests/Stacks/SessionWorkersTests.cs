using Amazon.CDK.Assertions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

public sealed class SessionWorkersTests(SynthesizedApp app)
{
    private Template Template => app.Assertions("SessionWorkers");

    private CfnTemplate Json => app["SessionWorkers"];

    [Fact]
    public void Workers_join_the_scheduler_advertising_their_regions_pool()
    {
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode>
        {
            ["SchedulerAddress"] = "tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786",
            ["PoolName"] = "pool-us-east-1",
            ["SessionId"] = "s-4k7q2m9x1z",
        });
        var container = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;

        var entryPoint = container["EntryPoint"]!.AsArray().Select(c => c.AsText()!).ToList();
        var script = Assert.Single(intrinsics.Evaluate(container["Command"])!.AsArray().Select(c => c.AsText()!));

        // Run the container's command with a dask that prints its arguments, on an instance with 16 vCPUs.
        var arguments = RunWithFakeDask(entryPoint, script, vcpus: 16);

        Assert.Equal(["/usr/bin/tini", "-g", "--", "/bin/sh", "-c"], entryPoint);
        Assert.Equal(["worker", "tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786", "--nthreads", "16", "--resources", "pool-us-east-1=16"], arguments.Take(6));
        Assert.Contains("--no-dashboard", arguments);
    }

    /// <summary>Runs the command as the container would, with <c>dask</c> and <c>nproc</c> stand-ins first on PATH.</summary>
    private static List<string> RunWithFakeDask(List<string> entryPoint, string script, int vcpus)
    {
        var bin = Directory.CreateTempSubdirectory("portal-fake-dask-");
        try
        {
            File.WriteAllText(Path.Combine(bin.FullName, "dask"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            File.WriteAllText(Path.Combine(bin.FullName, "nproc"), $"#!/bin/sh\necho {vcpus}\n");
            foreach (var file in Directory.EnumerateFiles(bin.FullName))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            // tini is not on this machine: run what it execs (its arguments after "--").
            var shell = entryPoint.SkipWhile(a => a != "--").Skip(1).ToList();
            var start = new System.Diagnostics.ProcessStartInfo(shell[0]) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in shell.Skip(1).Append(script))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PATH"] = bin.FullName + ":/usr/bin:/bin";
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public void Fsx_is_mounted_read_only_at_slash_fsx()
    {
        var task = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!;
        var mount = Assert.Single(task["ContainerDefinitions"]![0]!["MountPoints"].AsList(), m => m["ContainerPath"].AsText() == "/fsx");

        Assert.True(mount["ReadOnly"].IsTrue());
        Assert.Contains(task["Volumes"].AsList(), v => v["Name"].AsText() == mount["SourceVolume"].AsText() && v["Host"]!["SourcePath"].AsText() == "/fsx");
    }

    [Fact]
    public void One_worker_per_instance_and_as_many_as_asked() =>
        Template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DesiredCount"] = new Dictionary<string, object> { ["Ref"] = "WorkerCount" },
            ["PlacementConstraints"] = new object[] { new Dictionary<string, object> { ["Type"] = "distinctInstance" } },
        }));

    [Fact]
    public void Every_allowed_worker_size_maps_to_a_capacity_provider_of_the_region()
    {
        var providers = app["RegionFoundation"].ResourcesOfType("AWS::ECS::CapacityProvider").Select(p => p.Value["Properties"]!["Name"].AsText()).ToHashSet();
        var strategy = Json.OnlyResource("AWS::ECS::Service")["Properties"]!["CapacityProviderStrategy"]![0]!["CapacityProvider"];
        var sizes = Json.Parameters["WorkerSize"]!["AllowedValues"].AsList().Select(s => s.AsText()!).ToList();

        Assert.Contains("m5d.4xlarge", sizes);
        Assert.All(sizes, size =>
            Assert.Contains(new Intrinsics(new Dictionary<string, JsonNode> { ["WorkerSize"] = size }).Text(strategy), providers));
    }

    [Fact]
    public void Workers_run_the_image_parameter_the_portal_also_gives_the_scheduler()
    {
        var image = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!["Image"];

        Assert.Equal(new JsonObject { ["Ref"] = "Image" }.ToJsonString(), image!.ToJsonString());
        Assert.Equal("String", Json.Parameters["Image"]!["Type"].AsText());
    }
}
