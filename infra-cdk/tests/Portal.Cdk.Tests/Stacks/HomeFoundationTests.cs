using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

public sealed class HomeFoundationTests(SynthesizedApp app)
{
    private Template Template => app.Assertions("HomeFoundation");

    [Fact]
    public void The_home_vpc_uses_the_home_cidr() =>
        Template.HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object> { ["CidrBlock"] = "10.0.0.0/16" });

    [Fact]
    public void The_transit_gateway_hub_routes_every_worker_cidr_from_the_private_subnets()
    {
        Template.ResourceCountIs("AWS::EC2::TransitGateway", 1);
        Template.ResourceCountIs("AWS::EC2::TransitGatewayAttachment", 1);
        var routes = app["HomeFoundation"].ResourcesOfType("AWS::EC2::Route")
            .Where(r => r.Value["Properties"]!["TransitGatewayId"] is not null)
            .Select(r => r.Value["Properties"]!["DestinationCidrBlock"].AsText())
            .ToList();

        Assert.Equal(["10.1.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.2.0.0/16"], routes.Order());
    }

    [Fact]
    public void Schedulers_register_in_the_portal_internal_namespace_and_run_in_their_cluster()
    {
        Template.HasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", new Dictionary<string, object> { ["Name"] = "portal.internal" });
        Template.HasResourceProperties("AWS::ECS::Cluster", new Dictionary<string, object> { ["ClusterName"] = "portal-schedulers" });
    }

    [Fact]
    public void Only_the_home_and_worker_cidrs_are_dask_peers()
    {
        var entries = app["HomeFoundation"].OnlyResource("AWS::EC2::PrefixList")["Properties"]!["Entries"].AsList()
            .Select(e => e["Cidr"].AsText());

        Assert.Equal(["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"], entries.Order());
    }

    [Fact]
    public void The_notebook_lifecycle_configuration_installs_exactly_the_pinned_list_and_the_helper()
    {
        var script = OnStartScript();
        var pins = app.Settings.Pins;

        var start = script.IndexOf("<<'PORTAL_REQUIREMENTS'\n", StringComparison.Ordinal) + "<<'PORTAL_REQUIREMENTS'\n".Length;
        var block = script[start..script.IndexOf("\nPORTAL_REQUIREMENTS\n", start, StringComparison.Ordinal)].Split('\n');
        Assert.Equal(pins.Requirements, block);
        Assert.Contains($"python={pins.PythonVersion}", script, StringComparison.Ordinal);
        Assert.Matches(@"aws s3 cp --only-show-errors ""s3://cdk-hnb659fds-assets-123456789012-eu-west-2/[0-9a-f]{64}\.zip"" ""\$STATE/portal_dask\.zip""", script);
        Assert.Contains("-m zipfile -e \"$STATE/portal_dask.zip\" \"$SITE/portal_dask/\"", script, StringComparison.Ordinal);
        Assert.Contains("--name portal-dask", script, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(script) * 4 / 3 < 16384, "SageMaker allows 16384 base64 characters per script.");
    }

    [Fact]
    public void The_stack_leaves_sagemakers_fixed_log_group_to_sagemaker_and_lets_notebooks_create_it()
    {
        // SageMaker may already have made it in the account, and a retained copy would block the next deploy.
        Assert.DoesNotContain(
            app["HomeFoundation"].ResourcesOfType("AWS::Logs::LogGroup"),
            g => g.Value["Properties"]!["LogGroupName"].AsText() == "/aws/sagemaker/NotebookInstances");

        var notebookLogs = app["HomeFoundation"].ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList())
            .Single(s => s["Sid"].AsText() == "NotebookLogs");
        Assert.Contains("logs:CreateLogGroup", notebookLogs["Action"].AsList().Select(a => a.AsText()));
        Assert.EndsWith(":log-group:/aws/sagemaker/NotebookInstances:*", notebookLogs["Resource"]!["Fn::Sub"].AsText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_is_in_service_only_once_its_kernel_is_installed_unless_the_install_outlasts_sagemakers_limit()
    {
        var script = OnStartScript();
        var onStart = script[(script.IndexOf("\nPORTAL_SETUP\n", StringComparison.Ordinal) + "\nPORTAL_SETUP\n".Length)..];
        var installer = script[script.IndexOf("<<'PORTAL_SETUP'", StringComparison.Ordinal)..script.IndexOf("\nPORTAL_SETUP\n", StringComparison.Ordinal)];

        // OnStart starts the installer once and waits for it, under a deadline inside SageMaker's 300 s for OnStart.
        var start = onStart.IndexOf("sudo -u ec2-user -i /home/ec2-user/portal-setup.sh > \"$STATE/setup.log\" 2>&1 &\nSETUP=$!\n", StringComparison.Ordinal);
        var wait = Regex.Match(onStart, @"^if timeout (?<seconds>[0-9]+) tail --pid=""\$SETUP"" -f /dev/null; then$", RegexOptions.Multiline);
        Assert.True(start >= 0, "OnStart starts the installer");
        Assert.True(wait.Success && wait.Index > start, "OnStart then waits for it");
        Assert.InRange(int.Parse(wait.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture), 60, 299);

        // In time: ready means exit 0, anything else fails the start; out of time: a notice in Jupyter's home folder.
        Assert.Matches(@"if \[ -f ""\$STATE/ready"" \]; then\n +exit 0\n +fi\n(.*\n)* +exit 1\nfi\n", onStart[wait.Index..]);
        Assert.Contains("NOTICE=/home/ec2-user/SageMaker/", script, StringComparison.Ordinal);
        Assert.True(onStart.IndexOf("> \"$NOTICE\"", StringComparison.Ordinal) is var notice && notice >= 0 && notice < start, "the notice is written before the installer starts");
        Assert.EndsWith("touch \"$STATE/ready\"\nrm -f \"$NOTICE\"", installer, StringComparison.Ordinal);
        Assert.Equal(0, BashSyntaxErrors(script).Length);
    }

    [Fact]
    public void The_notebook_helper_is_a_zip_file_asset_only_notebooks_may_read()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(app.AssemblyDirectory, "HomeFoundation.assets.json")))!["files"]!.AsObject();
        var helper = Assert.Single(assets, a => a.Value!["source"]!["packaging"].AsText() == "zip").Value!;
        var folder = Path.Combine(app.AssemblyDirectory, helper["source"]!["path"].AsText()!);
        var key = helper["destinations"]!.AsObject().Single().Value!["objectKey"].AsText();
        var reads = app["HomeFoundation"].ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList())
            .Single(s => s["Sid"].AsText() == "ReadNotebookHelper");

        Assert.True(File.Exists(Path.Combine(folder, "__init__.py")), "the zip holds the package's files at its root");
        Assert.Empty(Directory.GetDirectories(folder, "__pycache__", SearchOption.AllDirectories));
        Assert.Equal(["s3:GetObject"], reads["Action"].AsList().Select(a => a.AsText()));
        Assert.EndsWith("/" + key, new Intrinsics(new Dictionary<string, JsonNode>()).Text(reads["Resource"]), StringComparison.Ordinal);
        Assert.Empty(app["HomeFoundation"].ResourcesOfType("AWS::Lambda::Function"));
    }

    [Theory]
    [InlineData("portal-home-transit-gateway-id")]
    [InlineData("portal-home-hosted-zone-id")]
    [InlineData("portal-home-artifacts-bucket")]
    [InlineData("portal-home-notebook-lifecycle-config")]
    [InlineData("portal-home-key-arn")]
    public void What_the_portal_and_region_foundations_need_is_exported(string export) =>
        Assert.Contains(export, app["HomeFoundation"].Exports.Keys);

    private string OnStartScript()
    {
        var config = app["HomeFoundation"].OnlyResource("AWS::SageMaker::NotebookInstanceLifecycleConfig");
        var content = config["Properties"]!["OnStart"]![0]!["Content"]!["Fn::Base64"]!;
        return new Intrinsics(new Dictionary<string, JsonNode>()).Text(content);
    }

    /// <summary>What <c>bash -n</c> says about the script (nothing when it parses).</summary>
    private static string BashSyntaxErrors(string script)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", "-n")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        bash.StandardInput.Write(script);
        bash.StandardInput.Close();
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return bash.ExitCode == 0 ? string.Empty : errors + " ";
    }
}
