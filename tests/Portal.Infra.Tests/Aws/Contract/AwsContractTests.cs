using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Infra.Tests.Aws.Fake;
using Portal.Infra.Tests.Aws.Support;
using Portal.Infra.Tests.Cloud;

namespace Portal.Infra.Tests.Aws.Contract;

/// <summary>The stack deployer contract, run against the AWS provider talking to a local CloudFormation.</summary>
public sealed class AwsStackDeployerContractTests : StackDeployerContract
{
    private FakeAwsCloud? _cloud;
    private ServiceProvider? _services;

    protected override async ValueTask<IStackDeployer> CreateDeployerAsync()
    {
        _cloud = await FakeAwsCloud.StartAsync(Time, TestContext.Current.CancellationToken);
        _services = AwsTestHost.Build(_cloud.Endpoint);
        return _services.GetRequiredService<IStackDeployer>();
    }

    public override async ValueTask DisposeAsync()
    {
        await (_services?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_cloud?.DisposeAsync() ?? ValueTask.CompletedTask);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Create_sends_the_template_url_tags_capabilities_and_token()
    {
        await Deployer.CreateStackAsync(Request("portal-c9-workers", "c9-workers-create"), TestContext.Current.CancellationToken);

        var form = _cloud!.CloudFormation.LastCreateForm;
        Assert.Equal("https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1/SessionWorkers.template.json", form["TemplateURL"]);
        Assert.Equal("c9-workers-create", form["ClientRequestToken"]);
        Assert.Equal("CAPABILITY_IAM", form["Capabilities.member.1"]);
        Assert.Equal("CAPABILITY_NAMED_IAM", form["Capabilities.member.2"]);
        Assert.Equal("ROLLBACK", form["OnFailure"]);
        Assert.Equal("arn:aws:iam::123456789012:role/PortalCloudFormation", form["RoleARN"]);
        Assert.Contains(form, kv => kv.Key.StartsWith("Tags.member.", StringComparison.Ordinal) && kv.Value == "portal-managed");
        Assert.Equal(1, _cloud.CloudFormation.StackCount("us-east-1", "portal-c9-workers"));
    }

    [Fact]
    public async Task A_same_token_retry_is_answered_by_cloudformation_and_makes_one_stack()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Deployer.CreateStackAsync(Request("portal-c10-workers", "c10-workers-create"), ct);

        var second = await Deployer.CreateStackAsync(Request("portal-c10-workers", "c10-workers-create"), ct);

        Assert.Equal(new CreateOutcome(first.ResourceId, AlreadyExisted: false), second);
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/portal-c10-workers/", second.ResourceId, StringComparison.Ordinal);
        Assert.Equal(1, _cloud!.CloudFormation.StackCount("us-east-1", "portal-c10-workers"));
    }

    [Fact]
    public async Task List_follows_every_listStacks_page_and_reads_the_tags_of_the_matching_stacks_only()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var name in new[] { "portal-c11-a", "portal-c11-b", "portal-c11-c", "other-c11-d", "other-c11-e" })
        {
            await Deployer.CreateStackAsync(Request(name, name + "-create"), ct);
        }

        var before = _cloud!.Requests.Count;
        var listed = await Deployer.ListStacksAsync(Region, "portal-c11-", ct);

        var forms = _cloud.Requests.Skip(before).Select(r => HttpUtility.ParseQueryString(r.BodyText)).ToList();
        var lists = forms.Where(f => f["Action"] == "ListStacks").ToList();
        Assert.Equal([null, "2", "4"], lists.Select(f => f["NextToken"]));
        Assert.All(lists, f => Assert.Equal("DELETE_FAILED", f["StackStatusFilter.member.8"]));
        Assert.All(lists, f => Assert.DoesNotContain("DELETE_COMPLETE", f.AllKeys.Select(k => f[k])));
        var described = forms.Where(f => f["Action"] == "DescribeStacks").Select(f => f["StackName"]!).ToList();
        Assert.Equal(listed.Select(s => s.StackId).Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.Equal(3, described.Count);
        Assert.All(listed, s => Assert.Equal("true", s.Tags["portal-managed"]));
    }
}

/// <summary>The notebook service contract, run against the AWS provider talking to a local SageMaker.</summary>
public sealed class AwsNotebookServiceContractTests : NotebookServiceContract
{
    private FakeAwsCloud? _cloud;
    private ServiceProvider? _services;

    protected override async ValueTask<INotebookService> CreateServiceAsync()
    {
        _cloud = await FakeAwsCloud.StartAsync(Time, TestContext.Current.CancellationToken);
        _services = AwsTestHost.Build(_cloud.Endpoint);
        return _services.GetRequiredService<INotebookService>();
    }

    public override async ValueTask DisposeAsync()
    {
        await (_services?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_cloud?.DisposeAsync() ?? ValueTask.CompletedTask);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_notebook_reaches_the_instance_through_its_lifecycle_script()
    {
        var request = Request("portal-n9") with { Notebook = new NotebookDocument("era5 analysis.ipynb", new string('x', 50_000) + "{\"cells\": []}") };

        await Notebooks.CreateNotebookInstanceAsync(request, TestContext.Current.CancellationToken);

        var script = _cloud!.SageMaker.LifecycleScript("eu-west-2", "portal-n9-files");
        Assert.NotNull(script);
        Assert.Contains("/home/ec2-user/SageMaker", script, StringComparison.Ordinal);
        Assert.Contains("era5_analysis.ipynb", script, StringComparison.Ordinal);
        Assert.Equal(request.Notebook.Content, FakeSageMaker.NotebookInScript(script));
    }

    [Fact]
    public async Task The_shared_dask_client_on_start_script_runs_on_the_instance_too()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud!.SageMaker.SeedLifecycleConfig("eu-west-2", "portal-dask-client", "#!/bin/bash\necho dask client\n");
        await using var services = AwsTestHost.Build(
            _cloud.Endpoint, settings: new Dictionary<string, string?> { ["Aws:Notebook:SharedLifecycleConfigName"] = "portal-dask-client" });

        await services.GetRequiredService<INotebookService>().CreateNotebookInstanceAsync(Request("portal-n12"), ct);

        Assert.Equal("#!/bin/bash\necho dask client\n", _cloud.SageMaker.OnStartScript("eu-west-2", "portal-n12-files"));
        Assert.NotNull(_cloud.SageMaker.LifecycleScript("eu-west-2", "portal-n12-files"));
    }

    [Fact]
    public async Task A_missing_shared_configuration_is_named_in_the_error()
    {
        await using var services = AwsTestHost.Build(
            _cloud!.Endpoint, settings: new Dictionary<string, string?> { ["Aws:Notebook:SharedLifecycleConfigName"] = "portal-dask-client" });

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => services.GetRequiredService<INotebookService>()
            .CreateNotebookInstanceAsync(Request("portal-n13"), TestContext.Current.CancellationToken));

        Assert.Contains("portal-dask-client (Aws:Notebook:SharedLifecycleConfigName) does not exist in eu-west-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_instance_needs_no_stop_and_can_be_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        _cloud!.SageMaker.FailWhenCreated("portal-n14");
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n14"), ct);
        var failed = await WaitForStatusAsync("portal-n14", NotebookStatuses.Failed);
        Assert.Contains("OnCreate", failed.FailureReason, StringComparison.Ordinal);

        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n14", ct);
        Assert.Equal(NotebookStatuses.Failed, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n14", ct))!.Status);
        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n14", ct);

        Assert.Equal(NotebookStatuses.Deleting, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n14", ct))!.Status);
    }

    [Fact]
    public async Task The_lifecycle_configuration_goes_once_the_deleted_instance_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n15"), ct);
        await WaitForStatusAsync("portal-n15", NotebookStatuses.InService);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n15", ct);
        await WaitForStatusAsync("portal-n15", NotebookStatuses.Stopped);

        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n15", ct);
        Assert.NotNull(_cloud!.SageMaker.LifecycleScript("eu-west-2", "portal-n15-files"));
        await WaitForAsync(() => Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n15", ct), d => d is null, "the instance to be gone");

        Assert.Null(_cloud.SageMaker.LifecycleScript("eu-west-2", "portal-n15-files"));
    }

    [Fact]
    public async Task A_refused_create_leaves_no_lifecycle_configuration_behind()
    {
        var request = Request("portal-n16") with { InstanceType = "ml.p4d.24xlarge" };

        await Assert.ThrowsAsync<CloudOperationException>(() => Notebooks.CreateNotebookInstanceAsync(request, TestContext.Current.CancellationToken));

        Assert.Null(_cloud!.SageMaker.LifecycleScript("eu-west-2", "portal-n16-files"));
    }

    [Fact]
    public async Task A_reached_instance_quota_reads_as_a_quota_message()
    {
        var request = Request("portal-n10") with { InstanceType = "ml.p4d.24xlarge" };

        var error = await Assert.ThrowsAsync<CloudOperationException>(
            () => Notebooks.CreateNotebookInstanceAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal("ResourceLimitExceeded", error.ErrorCode);
        Assert.StartsWith("Your account's quota for ml.p4d.24xlarge notebook instances in eu-west-2 is reached.", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task The_presigned_url_carries_the_session_length_within_sagemakers_bounds()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n11"), ct);
        await WaitForStatusAsync("portal-n11", NotebookStatuses.InService);

        var shortSession = await Notebooks.CreatePresignedUrlAsync(Region, "portal-n11", TimeSpan.FromMinutes(5), ct);
        var longSession = await Notebooks.CreatePresignedUrlAsync(Region, "portal-n11", TimeSpan.FromDays(2), ct);

        Assert.EndsWith("-1800", shortSession.Query, StringComparison.Ordinal);
        Assert.EndsWith("-43200", longSession.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_asks_sagemaker_for_names_containing_the_prefix_and_follows_every_page()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var name in new[] { "portal-n17-a", "portal-n17-b", "portal-n17-c", "other-portal-n17-d" })
        {
            await Notebooks.CreateNotebookInstanceAsync(Request(name), ct);
        }

        var before = _cloud!.Requests.Count;
        var listed = await Notebooks.ListNotebookInstancesAsync(Region, "portal-n17-", ct);

        var calls = _cloud.Requests.Skip(before)
            .Select(r => (Operation: r.Header("X-Amz-Target")!.Split('.')[^1], Body: JsonNode.Parse(r.BodyText)!)).ToList();
        var lists = calls.Where(c => c.Operation == "ListNotebookInstances").Select(c => c.Body).ToList();
        Assert.Equal([null, "2"], lists.Select(b => (string?)b["NextToken"]));
        Assert.All(lists, b => Assert.Equal("portal-n17-", (string)b["NameContains"]!));
        Assert.All(lists, b => Assert.Equal(100, (int)b["MaxResults"]!));
        var tagged = calls.Where(c => c.Operation == "ListTags").Select(c => (string)c.Body["ResourceArn"]!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(listed.Select(i => i.Arn).Order(StringComparer.Ordinal), tagged);
        Assert.Equal(["portal-n17-a", "portal-n17-b", "portal-n17-c"], listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(listed, i => Assert.Equal("true", i.Tags["portal-managed"]));
    }

    [Fact]
    public async Task List_with_an_empty_prefix_asks_sagemaker_for_every_instance()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n18"), ct);
        var before = _cloud!.Requests.Count;

        var listed = await Notebooks.ListNotebookInstancesAsync(Region, string.Empty, ct);

        Assert.Equal("portal-n18", Assert.Single(listed).Name);
        var list = JsonNode.Parse(_cloud.Requests.Skip(before).First().BodyText)!.AsObject();
        Assert.False(list.ContainsKey("NameContains"));
    }
}
