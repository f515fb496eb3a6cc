using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Tests.Aws.Fake;
using Portal.Infra.Tests.Aws.Parsing;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Adapters;

public sealed class AdapterBehaviourTests
{
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_reads_as_a_try_again_message()
    {
        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            sp => sp.GetRequiredService<IStackDeployer>().DescribeStackAsync(Virginia, "portal-x", TestContext.Current.CancellationToken),
            Answering.Xml("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", 400)));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Contains("throttling", error.Message, StringComparison.Ordinal);
        Assert.Contains("DescribeStacks in us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-header-1", error.RequestId);
    }

    [Fact]
    public async Task Throttling_is_retried_three_times_in_all()
    {
        var (_, requests) = await Answering.WithAsync(
            async sp =>
            {
                try
                {
                    await sp.GetRequiredService<INotebookService>().DescribeNotebookInstanceAsync(Virginia, "nb", TestContext.Current.CancellationToken);
                }
                catch (CloudOperationException)
                {
                }

                return 0;
            },
            Answering.Json("""{"__type": "ThrottlingException", "message": "Rate exceeded"}""", 400));

        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task A_429_without_a_throttling_code_says_what_came_back()
    {
        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            sp => sp.GetRequiredService<INotebookService>().DescribeNotebookInstanceAsync(Virginia, "portal-x", TestContext.Current.CancellationToken),
            new CannedResponse(429, "text/html", "<html>Too Many Requests</html>")));

        Assert.Equal("Http429", error.ErrorCode);
        Assert.Equal("DescribeNotebookInstance in us-east-1 was answered with HTTP 429 Too Many Requests. Try again in a minute.", error.Message);
    }

    [Fact]
    public async Task Access_denied_points_at_the_policy()
    {
        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            async sp =>
            {
                await sp.GetRequiredService<IStackDeployer>().DeleteStackAsync(Virginia, "portal-x", "t-1", TestContext.Current.CancellationToken);
                return 0;
            },
            Answering.Xml("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::1:assumed-role/p is not authorized to perform: cloudformation:DeleteStack</Message></Error></ErrorResponse>", 403)));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains("deploy/iam/portal-policy.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeStacks")]
    [InlineData("DescribeStackEvents")]
    public async Task A_failure_while_checking_an_existing_stack_is_translated(string failingCall)
    {
        const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
        var alreadyExists = Answering.Xml($"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>AlreadyExistsException</Code><Message>Stack [portal-x] already exists</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", 400);
        var stack = Answering.Xml($"<DescribeStacksResponse xmlns=\"{Ns}\"><DescribeStacksResult><Stacks><member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-x/1</StackId><StackName>portal-x</StackName><StackStatus>CREATE_IN_PROGRESS</StackStatus><CreationTime>2026-05-01T12:00:00Z</CreationTime></member></Stacks></DescribeStacksResult></DescribeStacksResponse>");
        var denied = Answering.Xml($"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::1:assumed-role/p is not authorized to perform: cloudformation:{failingCall}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>", 403);
        CannedResponse[] answers = failingCall == "DescribeStacks" ? [alreadyExists, denied] : [alreadyExists, stack, denied];

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            sp => sp.GetRequiredService<IStackDeployer>().CreateStackAsync(
                new StackCreateRequest(Virginia, "portal-x", "SessionWorkers", new Dictionary<string, string>(), new Dictionary<string, string>(), "x-create"),
                TestContext.Current.CancellationToken),
            answers));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains($"{failingCall} in us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy/iam/portal-policy.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData(180, 180)]
    public async Task A_create_takes_the_requests_own_timeout_else_the_configured_one(int? requested, int sent)
    {
        const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
        var created = Answering.Xml($"<CreateStackResponse xmlns=\"{Ns}\"><CreateStackResult><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-region-us-east-1/1</StackId></CreateStackResult></CreateStackResponse>");

        var (_, requests) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IStackDeployer>().CreateStackAsync(
                new StackCreateRequest(Virginia, "portal-region-us-east-1", "RegionFoundation", new Dictionary<string, string>(), new Dictionary<string, string>(), "x-create")
                {
                    TimeoutInMinutes = requested,
                },
                TestContext.Current.CancellationToken),
            created);

        var body = System.Text.Encoding.UTF8.GetString(Assert.Single(requests).Body);
        Assert.Contains($"TimeoutInMinutes={sent}&", body + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_deleted_between_listing_and_describing_is_left_out()
    {
        const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
        var list = Answering.Xml($"""
            <ListStacksResponse xmlns="{Ns}"><ListStacksResult><StackSummaries>
              <member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-v-1/aaaa</StackId><StackName>portal-v-1</StackName>
                <CreationTime>2026-05-01T11:00:00Z</CreationTime><StackStatus>DELETE_IN_PROGRESS</StackStatus></member>
              <member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-v-2/bbbb</StackId><StackName>portal-v-2</StackName>
                <CreationTime>2026-05-01T11:30:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member>
            </StackSummaries></ListStacksResult></ListStacksResponse>
            """);
        var gone = Answering.Xml($"""
            <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks><member>
              <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-v-1/aaaa</StackId><StackName>portal-v-1</StackName>
              <CreationTime>2026-05-01T11:00:00Z</CreationTime><DeletionTime>2026-05-01T12:00:00Z</DeletionTime><StackStatus>DELETE_COMPLETE</StackStatus>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """);
        var live = Answering.Xml($"""
            <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks><member>
              <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-v-2/bbbb</StackId><StackName>portal-v-2</StackName>
              <CreationTime>2026-05-01T11:30:00Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus>
              <Tags><member><Key>portal-session</Key><Value>v-2</Value></member><member><Key>portal-managed</Key><Value>true</Value></member></Tags>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """);

        var (listed, requests) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IStackDeployer>().ListStacksAsync(Virginia, "portal-v-", TestContext.Current.CancellationToken), list, gone, live);

        var stack = Assert.Single(listed);
        Assert.Equal(new StackSummary(
            "arn:aws:cloudformation:us-east-1:123456789012:stack/portal-v-2/bbbb", "portal-v-2", "UPDATE_COMPLETE",
            new DateTimeOffset(2026, 5, 1, 11, 30, 0, TimeSpan.Zero), stack.Tags), stack);
        Assert.Equal(new Dictionary<string, string> { ["portal-session"] = "v-2", ["portal-managed"] = "true" }, stack.Tags);
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task A_notebook_instance_gone_between_listing_and_reading_its_tags_is_left_out()
    {
        var list = Answering.Json("""
            {"NotebookInstances": [
              {"NotebookInstanceName": "portal-v-1", "NotebookInstanceArn": "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/portal-v-1",
               "NotebookInstanceStatus": "Deleting", "CreationTime": 1777633200.0},
              {"NotebookInstanceName": "portal-v-2", "NotebookInstanceArn": "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/portal-v-2",
               "NotebookInstanceStatus": "InService", "CreationTime": 1777636800.0}]}
            """);
        var gone = Answering.Json("""{"__type": "ValidationException", "message": "RecordNotFound"}""", 400);
        var tags = Answering.Json("""{"Tags": [{"Key": "portal-session", "Value": "v-2"}]}""");

        var (listed, _) = await Answering.WithAsync(
            sp => sp.GetRequiredService<INotebookService>().ListNotebookInstancesAsync(Virginia, "portal-v-", TestContext.Current.CancellationToken), list, gone, tags);

        var instance = Assert.Single(listed);
        Assert.Equal("portal-v-2", instance.Name);
        Assert.Equal("InService", instance.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), instance.CreatedAt);
        Assert.Equal("v-2", Assert.Single(instance.Tags).Value);
    }

    [Fact]
    public async Task Access_denied_while_listing_points_at_the_policy()
    {
        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            sp => sp.GetRequiredService<INotebookService>().ListNotebookInstancesAsync(Virginia, "portal-", TestContext.Current.CancellationToken),
            Answering.Json("""{"__type": "AccessDeniedException", "Message": "User: arn:aws:sts::1:assumed-role/p is not authorized to perform: sagemaker:ListNotebookInstances"}""", 400)));

        Assert.Contains("ListNotebookInstances in us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy/iam/portal-policy.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_read_as_a_credentials_message()
    {
        await using var server = await LocalHttpServer.StartAsync(_ => new CannedResponse(200, "text/xml", "<x/>"), TestContext.Current.CancellationToken);
        await using var services = AwsTestHost.Build(server.Endpoint, credentials: new NoCredentials());

        var error = await Assert.ThrowsAsync<CloudOperationException>(
            () => services.GetRequiredService<IStackDeployer>().DescribeStackAsync(Virginia, "portal-x", TestContext.Current.CancellationToken));

        Assert.Equal("NoCredentials", error.ErrorCode);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Logs_carry_operation_region_status_duration_and_request_id_but_no_secret()
    {
        var logs = new CapturingLoggerProvider();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await FakeAwsCloud.StartAsync(time, TestContext.Current.CancellationToken);
        var credentials = new SessionAWSCredentials("ASIAPORTALSESSION001", "very/secret+key/value", "SESSION-TOKEN-MUST-NOT-LEAK");
        await using (var services = AwsTestHost.Build(cloud.Endpoint, logs, credentials: credentials))
        {
            var ct = TestContext.Current.CancellationToken;
            var notebooks = services.GetRequiredService<INotebookService>();
            var region = RegionCode.Parse("eu-west-2");
            await notebooks.CreateNotebookInstanceAsync(
                new NotebookInstanceRequest(region, "portal-log", "ml.t3.2xlarge", new Dictionary<string, string>(), new NotebookDocument("n.ipynb", "{}")), ct);
            time.Advance(FakeSageMaker.StartDuration);
            var url = await notebooks.CreatePresignedUrlAsync(region, "portal-log", TimeSpan.FromHours(1), ct);
            Assert.Contains("SECRET-TOKEN", url.Query, StringComparison.Ordinal);
            await notebooks.StopNotebookInstanceAsync(region, "portal-log", ct);
            await Assert.ThrowsAsync<CloudOperationException>(() => notebooks.CreatePresignedUrlAsync(region, "portal-missing", TimeSpan.FromHours(1), ct));
        }

        // A bad signature: AWS echoes the canonical request it expected, our session token in it. The orchestrator logs
        // the exception (and shows its message on the timeline), so neither may carry it.
        await using (var refusing = await LocalHttpServer.StartAsync(
            _ => Answering.Json(SignatureErrorTests.InvalidSignatureBody.Replace(SignatureErrorTests.SessionToken, "SESSION-TOKEN-MUST-NOT-LEAK", StringComparison.Ordinal), 403),
            TestContext.Current.CancellationToken))
        await using (var services = AwsTestHost.Build(refusing.Endpoint, logs, credentials: credentials))
        {
            var error = await Assert.ThrowsAsync<CloudOperationException>(() => services.GetRequiredService<INotebookService>()
                .DescribeNotebookInstanceAsync(RegionCode.Parse("eu-west-2"), "portal-log", TestContext.Current.CancellationToken));
            services.GetRequiredService<ILogger<AdapterBehaviourTests>>().LogWarning(error, "Step {Step} failed: {Reason}", "portal-log", error.Message);
            SignatureErrorTests.AssertNoEcho(error.ToString());
        }

        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { "very/secret+key/value", "SESSION-TOKEN-MUST-NOT-LEAK", "ASIAPORTALSESSION001", "SECRET-TOKEN", "Signature=", "AWS4-HMAC-SHA256", "authToken", "Canonical String", "String-to-Sign" })
        {
            Assert.DoesNotContain(lines, l => l.Everything.Contains(secret, StringComparison.Ordinal));
        }

        var call = Assert.Single(lines, l => l.EventId.Id == 3100 && l.State.Any(s => s.Key == "Operation" && (string?)s.Value == "CreatePresignedNotebookInstanceUrl"));
        var state = call.State.ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal("eu-west-2", state["Region"]);
        Assert.Equal(200, state["StatusCode"]);
        Assert.IsType<long>(state["ElapsedMs"]);
        Assert.False(string.IsNullOrEmpty((string?)state["RequestId"]));
        Assert.Contains(lines, l => l.EventId.Id == 3100 && l.Message.Contains("StopNotebookInstance", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EventId.Id == 3101 && l.Message.Contains("CreatePresignedNotebookInstanceUrl", StringComparison.Ordinal));
    }

    private sealed class NoCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("Failed to resolve AWS credentials.");

        public override Task<ImmutableCredentials> GetCredentialsAsync() => throw new AmazonClientException("Failed to resolve AWS credentials.");
    }
}
