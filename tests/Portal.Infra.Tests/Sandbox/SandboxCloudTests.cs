using System.Web;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sandbox;

public sealed class SandboxCloudTests : IAsyncLifetime
{
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode EuWest2 = RegionCode.Parse("eu-west-2");
    private static readonly TimeSpan CreateDuration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DeleteDuration = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan NotebookCreateDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan NotebookStopDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PresignedUrlLifetime = TimeSpan.FromMinutes(2);

    private static readonly (string LogicalId, string Type)[] WorkerResources =
    [
        ("WorkerLogGroup", "AWS::Logs::LogGroup"),
        ("WorkerTaskDefinition", "AWS::ECS::TaskDefinition"),
        ("WorkerService", "AWS::ECS::Service"),
    ];

    private InfraTestHost? _host;

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
    {
        ["Sandbox:StackCreateDuration"] = CreateDuration.ToString(),
        ["Sandbox:StackDeleteDuration"] = DeleteDuration.ToString(),
        ["Sandbox:NotebookCreateDuration"] = NotebookCreateDuration.ToString(),
        ["Sandbox:NotebookStopDuration"] = NotebookStopDuration.ToString(),
        ["Sandbox:PresignedUrlLifetime"] = PresignedUrlLifetime.ToString(),
        ["Sandbox:FailStacksContaining"] = "doomed",
    });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stack_is_in_progress_until_the_create_duration_has_passed_then_complete()
    {
        var outcome = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t1-workers"), Ct);

        var first = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t1-workers", Ct);
        Assert.NotNull(first);
        Assert.Equal(StackStatuses.CreateInProgress, first.Status);
        Assert.Equal(outcome.ResourceId, first.StackId);
        Assert.Equal(InfraTestHost.Start, first.CreatedAt);
        Assert.Empty(first.Outputs);
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:", outcome.ResourceId, StringComparison.Ordinal);

        Host.Clock.Advance(CreateDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(StackStatuses.CreateInProgress, (await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t1-workers", Ct))!.Status);

        Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var done = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t1-workers", Ct);
        Assert.NotNull(done);
        Assert.Equal(StackStatuses.CreateComplete, done.Status);
        Assert.Null(done.StatusReason);
        Assert.Equal("2", done.Outputs["WorkerCount"]);
    }

    [Fact]
    public async Task Stack_events_run_from_user_initiated_through_each_resource_in_order_to_complete()
    {
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t2-workers"), Ct);
        Host.Clock.Advance(CreateDuration);

        var newestFirst = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t2-workers", Ct);

        Assert.Equal(newestFirst.OrderByDescending(e => e.Timestamp).Select(e => e.Timestamp), newestFirst.Select(e => e.Timestamp));
        var oldestFirst = newestFirst.Reverse().ToList();
        string[] expected =
        [
            "portal-t2-workers AWS::CloudFormation::Stack CREATE_IN_PROGRESS",
            .. WorkerResources.SelectMany(r => new[] { $"{r.LogicalId} {r.Type} CREATE_IN_PROGRESS", $"{r.LogicalId} {r.Type} CREATE_COMPLETE" }),
            "portal-t2-workers AWS::CloudFormation::Stack CREATE_COMPLETE",
        ];
        Assert.Equal(expected, oldestFirst.Select(e => $"{e.LogicalResourceId} {e.ResourceType} {e.ResourceStatus}"));
        Assert.Equal("User Initiated", oldestFirst[0].ResourceStatusReason);
        Assert.Equal(InfraTestHost.Start, oldestFirst[0].Timestamp);
        Assert.Equal(InfraTestHost.Start + CreateDuration, oldestFirst[^1].Timestamp);
        Assert.Equal(newestFirst.Count, newestFirst.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Stack_events_show_only_what_has_happened_and_keep_their_ids_across_calls()
    {
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t3-workers"), Ct);

        var atStart = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t3-workers", Ct);
        var only = Assert.Single(atStart);
        Assert.Equal(("portal-t3-workers", StackStatuses.CreateInProgress), (only.LogicalResourceId, only.ResourceStatus));

        Host.Clock.Advance(CreateDuration / 2);
        var halfway = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t3-workers", Ct);
        var halfwayAgain = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t3-workers", Ct);
        Assert.Equal(
            ["WorkerTaskDefinition CREATE_IN_PROGRESS", "WorkerLogGroup CREATE_COMPLETE", "WorkerLogGroup CREATE_IN_PROGRESS", "portal-t3-workers CREATE_IN_PROGRESS"],
            halfway.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus}"));
        Assert.All(halfway, e => Assert.True(e.Timestamp <= Host.Clock.GetUtcNow()));
        Assert.DoesNotContain(halfway, e => e.LogicalResourceId == "portal-t3-workers" && e.ResourceStatus == StackStatuses.CreateComplete);
        Assert.Equal(halfway.Select(e => e.EventId), halfwayAgain.Select(e => e.EventId));

        Host.Clock.Advance(CreateDuration);
        var all = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t3-workers", Ct);
        Assert.Equal(halfway.Select(e => e.EventId), all.TakeLast(halfway.Count).Select(e => e.EventId));
        Assert.Equal(atStart[0].EventId, all[^1].EventId);
    }

    [Fact]
    public async Task Creating_a_stack_twice_answers_already_existed_with_the_same_id()
    {
        var first = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t4-workers"), Ct);
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t4-workers"), Ct);

        Assert.False(first.AlreadyExisted);
        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.ResourceId, second.ResourceId);
        Assert.Equal(InfraTestHost.Start, (await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t4-workers", Ct))!.CreatedAt);
    }

    [Fact]
    public async Task Same_stack_name_in_another_region_is_another_stack()
    {
        var east = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t5-workers"), Ct);
        var west = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t5-workers") with { Region = RegionCode.Parse("us-west-2") }, Ct);

        Assert.False(west.AlreadyExisted);
        Assert.NotEqual(east.ResourceId, west.ResourceId);
    }

    [Fact]
    public async Task Describing_an_unknown_stack_answers_null_and_its_events_are_a_validation_error()
    {
        Assert.Null(await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-nobody-workers", Ct));

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-nobody-workers", Ct));
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("portal-nobody-workers does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_stack_is_delete_in_progress_then_gone_and_its_name_can_be_created_again()
    {
        var created = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t6-workers"), Ct);
        Host.Clock.Advance(CreateDuration);

        await Host.Sandbox.DeleteStackAsync(UsEast1, "portal-t6-workers", "portal-t6-workers-delete", Ct);

        var deleting = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t6-workers", Ct);
        Assert.Equal(StackStatuses.DeleteInProgress, deleting?.Status);
        Host.Clock.Advance(DeleteDuration - TimeSpan.FromMilliseconds(1));
        var newestFirst = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t6-workers", Ct);
        Assert.Equal(
            [
                "WorkerLogGroup DELETE_COMPLETE",
                "WorkerTaskDefinition DELETE_COMPLETE",
                "WorkerService DELETE_COMPLETE",
                "portal-t6-workers DELETE_IN_PROGRESS",
                "portal-t6-workers CREATE_COMPLETE",
            ],
            newestFirst.Take(5).Select(e => $"{e.LogicalResourceId} {e.ResourceStatus}"));
        Assert.Equal("User Initiated", newestFirst[3].ResourceStatusReason);

        Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t6-workers", Ct));

        var again = await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t6-workers"), Ct);
        Assert.False(again.AlreadyExisted);
        Assert.NotEqual(created.ResourceId, again.ResourceId);
        var fresh = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t6-workers", Ct);
        Assert.Equal(StackStatuses.CreateInProgress, fresh?.Status);
        Assert.Single(await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t6-workers", Ct));
    }

    [Fact]
    public async Task Deleting_a_stack_during_creation_stops_its_creation_events()
    {
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t7-workers"), Ct);
        Host.Clock.Advance(TimeSpan.FromSeconds(5));
        await Host.Sandbox.DeleteStackAsync(UsEast1, "portal-t7-workers", "portal-t7-workers-delete", Ct);

        Host.Clock.Advance(TimeSpan.FromSeconds(5));
        var events = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t7-workers", Ct);

        Assert.Equal(StackStatuses.DeleteInProgress, (await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t7-workers", Ct))?.Status);
        Assert.DoesNotContain(events, e => e.ResourceStatus == StackStatuses.CreateComplete && e.Timestamp > InfraTestHost.Start + TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(events, e => e.LogicalResourceId == "WorkerService");
    }

    [Fact]
    public async Task Deleting_an_unknown_stack_succeeds()
    {
        await Host.Sandbox.DeleteStackAsync(UsEast1, "portal-nobody-workers", "portal-nobody-workers-delete", Ct);

        Assert.Null(await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-nobody-workers", Ct));
    }

    [Fact]
    public async Task Stack_whose_name_contains_the_failure_marker_fails_and_rolls_back_with_a_reason()
    {
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-doomed-workers"), Ct);
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-healthy-workers"), Ct);

        Host.Clock.Advance(CreateDuration * 4 / 5);
        var rollingBack = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-doomed-workers", Ct);
        Assert.Equal(StackStatuses.RollbackInProgress, rollingBack?.Status);
        Assert.Equal("The following resource(s) failed to create: [WorkerService]. Rollback requested by user.", rollingBack?.StatusReason);

        Host.Clock.Advance(CreateDuration / 5);
        var rolledBack = await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-doomed-workers", Ct);
        Assert.Equal(StackStatuses.RollbackComplete, rolledBack?.Status);
        Assert.True(StackStatuses.IsCreateFailed(rolledBack!.Status));
        Assert.Empty(rolledBack.Outputs);
        var failed = Assert.Single(await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-doomed-workers", Ct), e => e.ResourceStatus == StackStatuses.CreateFailed);
        Assert.Equal("WorkerService", failed.LogicalResourceId);
        Assert.Contains("WorkerService did not stabilize", failed.ResourceStatusReason, StringComparison.Ordinal);
        Assert.Contains("'doomed'", failed.ResourceStatusReason, StringComparison.Ordinal);

        Assert.Equal(StackStatuses.CreateComplete, (await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-healthy-workers", Ct))?.Status);
    }

    [Fact]
    public async Task Notebook_goes_pending_in_service_stopping_stopped_deleting_then_gone()
    {
        var outcome = await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n1"), Ct);
        Assert.False(outcome.AlreadyExisted);
        Assert.Equal($"arn:aws:sagemaker:eu-west-2:000000000000:notebook-instance/portal-n1", outcome.ResourceId);

        Assert.Equal(NotebookStatuses.Pending, await NotebookStatusAsync("portal-n1"));
        Host.Clock.Advance(NotebookCreateDuration);
        Assert.Equal(NotebookStatuses.InService, await NotebookStatusAsync("portal-n1"));

        await Host.Sandbox.StopNotebookInstanceAsync(EuWest2, "portal-n1", Ct);
        Assert.Equal(NotebookStatuses.Stopping, await NotebookStatusAsync("portal-n1"));
        Host.Clock.Advance(NotebookStopDuration);
        Assert.Equal(NotebookStatuses.Stopped, await NotebookStatusAsync("portal-n1"));

        await Host.Sandbox.DeleteNotebookInstanceAsync(EuWest2, "portal-n1", Ct);
        Assert.Equal(NotebookStatuses.Deleting, await NotebookStatusAsync("portal-n1"));
        Host.Clock.Advance(NotebookStopDuration);
        Assert.Null(await Host.Sandbox.DescribeNotebookInstanceAsync(EuWest2, "portal-n1", Ct));

        var again = await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n1"), Ct);
        Assert.False(again.AlreadyExisted);
        Assert.Equal(NotebookStatuses.Pending, await NotebookStatusAsync("portal-n1"));
    }

    [Fact]
    public async Task Creating_a_notebook_twice_answers_already_existed()
    {
        var first = await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n2"), Ct);
        var second = await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n2"), Ct);

        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.ResourceId, second.ResourceId);
    }

    [Fact]
    public async Task Deleting_an_in_service_notebook_is_refused_and_leaves_it_running()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n3"), Ct);
        Host.Clock.Advance(NotebookCreateDuration);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Host.Sandbox.DeleteNotebookInstanceAsync(EuWest2, "portal-n3", Ct));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("Status (InService) not in ([Stopped, Failed])", error.Message, StringComparison.Ordinal);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(NotebookStatuses.InService, await NotebookStatusAsync("portal-n3"));
    }

    [Fact]
    public async Task Deleting_and_describing_an_unknown_notebook_succeed_with_nothing()
    {
        await Host.Sandbox.DeleteNotebookInstanceAsync(EuWest2, "portal-nobody", Ct);

        Assert.Null(await Host.Sandbox.DescribeNotebookInstanceAsync(EuWest2, "portal-nobody", Ct));
        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Host.Sandbox.StopNotebookInstanceAsync(EuWest2, "portal-nobody", Ct));
        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task Presigned_url_is_relative_and_opens_the_stored_notebook()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n4"), Ct);
        Host.Clock.Advance(NotebookCreateDuration);

        var url = await Host.Sandbox.CreatePresignedUrlAsync(EuWest2, "portal-n4", TimeSpan.FromHours(12), Ct);

        Assert.False(url.IsAbsoluteUri);
        var (region, name, token) = Parse(url);
        Assert.Equal(("eu-west-2", "portal-n4"), (region, name));
        Assert.False(string.IsNullOrEmpty(token));
        var document = (await Host.Sandbox.OpenPresignedAsync(region, name, token, Ct))?.Document;
        Assert.Equal(new NotebookDocument("portal-n4.ipynb", NotebookContent("portal-n4")), document);
    }

    [Fact]
    public async Task Presigned_url_with_a_tampered_token_opens_nothing()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n5"), Ct);
        Host.Clock.Advance(NotebookCreateDuration);
        var (region, name, token) = Parse(await Host.Sandbox.CreatePresignedUrlAsync(EuWest2, "portal-n5", TimeSpan.FromHours(1), Ct));

        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];

        Assert.NotEqual(token, tampered);
        Assert.Null(await Host.Sandbox.OpenPresignedAsync(region, name, tampered, Ct));
        Assert.Null(await Host.Sandbox.OpenPresignedAsync(region, name, "not-a-token", Ct));
        Assert.Null(await Host.Sandbox.OpenPresignedAsync(region, name, null, Ct));
        Assert.NotNull(await Host.Sandbox.OpenPresignedAsync(region, name, token, Ct));
    }

    [Fact]
    public async Task Presigned_url_opens_only_the_instance_it_was_issued_for()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n6"), Ct);
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n7"), Ct);
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n6") with { Region = UsEast1 }, Ct);
        Host.Clock.Advance(NotebookCreateDuration);
        var (_, _, tokenFor6) = Parse(await Host.Sandbox.CreatePresignedUrlAsync(EuWest2, "portal-n6", TimeSpan.FromHours(1), Ct));

        Assert.Null(await Host.Sandbox.OpenPresignedAsync("eu-west-2", "portal-n7", tokenFor6, Ct));
        Assert.Null(await Host.Sandbox.OpenPresignedAsync("us-east-1", "portal-n6", tokenFor6, Ct));
        Assert.NotNull(await Host.Sandbox.OpenPresignedAsync("eu-west-2", "portal-n6", tokenFor6, Ct));
    }

    [Fact]
    public async Task Presigned_url_expires_after_its_lifetime_on_the_portal_clock()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n8"), Ct);
        Host.Clock.Advance(NotebookCreateDuration);
        var (region, name, token) = Parse(await Host.Sandbox.CreatePresignedUrlAsync(EuWest2, "portal-n8", TimeSpan.FromHours(12), Ct));

        Host.Clock.Advance(PresignedUrlLifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Host.Sandbox.OpenPresignedAsync(region, name, token, Ct));

        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await Host.Sandbox.OpenPresignedAsync(region, name, token, Ct));
    }

    [Fact]
    public async Task Presigned_url_of_a_stopped_notebook_opens_nothing()
    {
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n9"), Ct);
        Host.Clock.Advance(NotebookCreateDuration);
        var (region, name, token) = Parse(await Host.Sandbox.CreatePresignedUrlAsync(EuWest2, "portal-n9", TimeSpan.FromHours(1), Ct));

        await Host.Sandbox.StopNotebookInstanceAsync(EuWest2, "portal-n9", Ct);

        Assert.Null(await Host.Sandbox.OpenPresignedAsync(region, name, token, Ct));
    }

    [Fact]
    public async Task Statuses_come_from_what_is_stored_so_a_restarted_portal_sees_the_same()
    {
        await Host.Sandbox.CreateStackAsync(WorkersRequest("portal-t9-workers"), Ct);
        await Host.Sandbox.CreateNotebookInstanceAsync(NotebookRequest("portal-n10"), Ct);
        Host.Clock.Advance(CreateDuration / 2);
        var eventsBefore = await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t9-workers", Ct);

        _host = await Host.RestartAsync(Ct);

        Assert.Equal(eventsBefore, await Host.Sandbox.DescribeStackEventsAsync(UsEast1, "portal-t9-workers", Ct));
        Assert.Equal(NotebookStatuses.InService, await NotebookStatusAsync("portal-n10"));
        Host.Clock.Advance(CreateDuration / 2);
        Assert.Equal(StackStatuses.CreateComplete, (await Host.Sandbox.DescribeStackAsync(UsEast1, "portal-t9-workers", Ct))?.Status);
    }

    private static StackCreateRequest WorkersRequest(string name) => new(
        UsEast1,
        name,
        "SessionWorkers",
        new Dictionary<string, string> { ["SessionId"] = "s-test", ["WorkerCount"] = "2" },
        new Dictionary<string, string> { ["portal:session-id"] = "s-test" },
        name + "-create");

    private static NotebookInstanceRequest NotebookRequest(string name) => new(
        EuWest2,
        name,
        "ml.t3.2xlarge",
        new Dictionary<string, string> { ["portal:session-id"] = "s-test" },
        new NotebookDocument(name + ".ipynb", NotebookContent(name)));

    private static string NotebookContent(string name) => $$"""{"cells":[],"metadata":{"title":"{{name}}"},"nbformat":4,"nbformat_minor":5}""";

    private async Task<string?> NotebookStatusAsync(string name) =>
        (await Host.Sandbox.DescribeNotebookInstanceAsync(EuWest2, name, Ct))?.Status;

    /// <summary>Splits a sandbox URL the way the portal's route does: /sandbox/notebooks/{region}/{name}?authToken=...</summary>
    private static (string Region, string Name, string Token) Parse(Uri url)
    {
        var absolute = new Uri(new Uri("http://portal.test/"), url);
        var segments = absolute.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["sandbox", "notebooks"], segments[..2]);
        Assert.Equal(4, segments.Length);
        var token = HttpUtility.ParseQueryString(absolute.Query)["authToken"];
        Assert.NotNull(token);
        return (Uri.UnescapeDataString(segments[2]), Uri.UnescapeDataString(segments[3]), token);
    }
}
