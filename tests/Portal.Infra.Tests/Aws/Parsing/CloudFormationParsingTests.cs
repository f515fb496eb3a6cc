using System.Web;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Tests.Aws.Wire;
using static Portal.Infra.Tests.Aws.Parsing.Answering;

namespace Portal.Infra.Tests.Aws.Parsing;

public sealed class CloudFormationParsingTests
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    [Fact]
    public async Task DescribeStacks_reads_every_field_the_portal_uses()
    {
        var (response, _) = await WithAsync(sp => Cfn(sp).DescribeStacksAsync(new DescribeStacksRequest { StackName = "portal-x" }), Xml($"""
            <DescribeStacksResponse xmlns="{Ns}">
              <DescribeStacksResult>
                <Stacks>
                  <member>
                    <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-x/8f1c2a30</StackId>
                    <StackName>portal-x</StackName>
                    <Description>Workers &amp; pool</Description>
                    <Parameters>
                      <member><ParameterKey>WorkerCount</ParameterKey><ParameterValue>4</ParameterValue></member>
                    </Parameters>
                    <CreationTime>2025-05-01T12:00:00.123Z</CreationTime>
                    <LastUpdatedTime>2025-05-01T12:20:41Z</LastUpdatedTime>
                    <StackStatus>ROLLBACK_COMPLETE</StackStatus>
                    <StackStatusReason>The following resource(s) failed to create: [Service].</StackStatusReason>
                    <DisableRollback>false</DisableRollback>
                    <NotificationARNs/>
                    <Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>
                    <Outputs>
                      <member><OutputKey>SchedulerAddress</OutputKey><OutputValue>tcp://10.0.0.10:8786</OutputValue><Description>Dask</Description></member>
                    </Outputs>
                    <Tags><member><Key>portal-managed</Key><Value>true</Value></member></Tags>
                    <EnableTerminationProtection>false</EnableTerminationProtection>
                    <DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation>
                  </member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """));

        var stack = Assert.Single(response.Stacks);
        Assert.Equal("portal-x", stack.StackName);
        Assert.Equal("Workers & pool", stack.Description);
        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        Assert.Equal("The following resource(s) failed to create: [Service].", stack.StackStatusReason);
        Assert.Equal(new DateTime(2025, 5, 1, 12, 0, 0, 123, DateTimeKind.Utc), stack.CreationTime);
        Assert.Equal(DateTimeKind.Utc, stack.CreationTime!.Value.Kind);
        Assert.Equal("4", Assert.Single(stack.Parameters!).ParameterValue);
        Assert.Equal(["CAPABILITY_NAMED_IAM"], stack.Capabilities);
        Assert.Equal("tcp://10.0.0.10:8786", Assert.Single(stack.Outputs!).OutputValue);
        Assert.Equal("portal-managed", Assert.Single(stack.Tags!).Key);
        Assert.False(stack.DisableRollback);
        Assert.Equal("req-header-1", response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task An_empty_stack_list_reads_as_empty()
    {
        var (response, _) = await WithAsync(sp => Cfn(sp).DescribeStacksAsync(new DescribeStacksRequest()), Xml($"""
            <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks/></DescribeStacksResult>
            <ResponseMetadata><RequestId>ad4c8bf2-9167-11e2-991c-f387408da2bf</RequestId></ResponseMetadata></DescribeStacksResponse>
            """));

        Assert.Empty(response.Stacks);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Errors_become_typed_with_code_message_and_request_id()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => Cfn(sp).CreateStackAsync(new CreateStackRequest { StackName = "climate-portal-fsx" }),
            Xml($"""
                <ErrorResponse xmlns="{Ns}">
                  <Error><Type>Sender</Type><Code>AlreadyExistsException</Code><Message>Stack [climate-portal-fsx] already exists</Message></Error>
                  <RequestId>21113b58-b7e4-11e2-91fa-05ec834fa451</RequestId>
                </ErrorResponse>
                """, 400)));

        Assert.Equal("AlreadyExistsException", error.ErrorCode);
        Assert.Equal("Stack [climate-portal-fsx] already exists", error.Message);
        Assert.Equal("req-header-1", error.RequestId);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("CreateStack", error.Operation);
        Assert.Equal("eu-west-2", error.Region);
    }

    [Fact]
    public async Task DescribeStackEvents_pages_are_followed_until_no_token_is_left()
    {
        var (events, requests) = await WithAsync(
            async sp => await Cfn(sp).DescribeAllStackEventsAsync(new DescribeStackEventsRequest { StackName = "portal-x" }).ToListAsync(),
            EventsPage(["e3", "e2"], "page-2"),
            EventsPage(["e1"], "page-3"),
            EventsPage(["e0"], null));

        Assert.Equal(["e3", "e2", "e1", "e0"], events.Select(e => e.EventId));
        Assert.Equal([null, "page-2", "page-3"], requests.Select(r => HttpUtility.ParseQueryString(r.BodyText)["NextToken"]));
        Assert.All(requests, r => Assert.Equal("portal-x", HttpUtility.ParseQueryString(r.BodyText)["StackName"]));
        Assert.Equal(new DateTime(2025, 5, 1, 12, 0, 5, DateTimeKind.Utc), events[0].Timestamp);
        Assert.Equal("create-0001", events[0].ClientRequestToken);
    }

    [Fact]
    public async Task ListStacks_pages_are_followed_with_the_status_filter_kept()
    {
        var (stacks, requests) = await WithAsync(
            async sp => await Cfn(sp).ListAllStacksAsync(new ListStacksRequest { StackStatusFilter = ["CREATE_COMPLETE"] }).ToListAsync(),
            Xml($"""
                <ListStacksResponse xmlns="{Ns}"><ListStacksResult><StackSummaries>
                  <member><StackId>id-1</StackId><StackName>portal-a</StackName><CreationTime>2025-05-01T12:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member>
                  <member><StackId>id-2</StackId><StackName>portal-b</StackName><CreationTime>2025-05-01T12:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member>
                </StackSummaries><NextToken>more</NextToken></ListStacksResult></ListStacksResponse>
                """),
            Xml($"""
                <ListStacksResponse xmlns="{Ns}"><ListStacksResult><StackSummaries>
                  <member><StackId>id-3</StackId><StackName>portal-c</StackName><CreationTime>2025-05-01T12:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member>
                </StackSummaries></ListStacksResult></ListStacksResponse>
                """));

        Assert.Equal(["portal-a", "portal-b", "portal-c"], stacks.Select(s => s.StackName));
        Assert.Equal("more", HttpUtility.ParseQueryString(requests[1].BodyText)["NextToken"]);
        Assert.All(requests, r => Assert.Equal("CREATE_COMPLETE", HttpUtility.ParseQueryString(r.BodyText)["StackStatusFilter.member.1"]));
    }

    [Fact]
    public async Task ListStacks_reads_every_summary_field_including_a_deleted_stacks()
    {
        var (response, _) = await WithAsync(sp => Cfn(sp).ListStacksAsync(new ListStacksRequest()), Xml($"""
            <ListStacksResponse xmlns="{Ns}">
              <ListStacksResult>
                <StackSummaries>
                  <member>
                    <StackId>arn:aws:cloudformation:us-west-2:123456789012:stack/portal-s7-workers-us-west-2/0d9e8f70-1111-4aaa-8bbb-000000000007</StackId>
                    <StackName>portal-s7-workers-us-west-2</StackName>
                    <TemplateDescription>Dask workers &lt;one region&gt;</TemplateDescription>
                    <CreationTime>2026-04-30T08:15:00.5Z</CreationTime>
                    <LastUpdatedTime>2026-04-30T08:20:00Z</LastUpdatedTime>
                    <DeletionTime>2026-04-30T09:00:01Z</DeletionTime>
                    <StackStatus>DELETE_COMPLETE</StackStatus>
                    <DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation>
                  </member>
                  <member>
                    <StackId>arn:aws:cloudformation:us-west-2:123456789012:stack/portal-s8-scheduler/0d9e8f70-2222-4aaa-8bbb-000000000008</StackId>
                    <StackName>portal-s8-scheduler</StackName>
                    <CreationTime>2026-04-30T10:00:00Z</CreationTime>
                    <StackStatus>ROLLBACK_COMPLETE</StackStatus>
                    <StackStatusReason>The following resource(s) failed to create: [Scheduler].</StackStatusReason>
                    <LastOperations><member><OperationType>CREATE_STACK</OperationType><OperationId>op-1</OperationId></member></LastOperations>
                  </member>
                </StackSummaries>
                <NextToken>eyJwYWdlIjozfQ==</NextToken>
              </ListStacksResult>
              <ResponseMetadata><RequestId>3c0f1a52-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
            </ListStacksResponse>
            """));

        Assert.Equal(2, response.StackSummaries.Count);
        var deleted = response.StackSummaries[0];
        Assert.Equal("portal-s7-workers-us-west-2", deleted.StackName);
        Assert.EndsWith("/0d9e8f70-1111-4aaa-8bbb-000000000007", deleted.StackId, StringComparison.Ordinal);
        Assert.Equal("Dask workers <one region>", deleted.TemplateDescription);
        Assert.Equal(new DateTime(2026, 4, 30, 8, 15, 0, 500, DateTimeKind.Utc), deleted.CreationTime);
        Assert.Equal(new DateTime(2026, 4, 30, 8, 20, 0, DateTimeKind.Utc), deleted.LastUpdatedTime);
        Assert.Equal(new DateTime(2026, 4, 30, 9, 0, 1, DateTimeKind.Utc), deleted.DeletionTime);
        Assert.Equal("DELETE_COMPLETE", deleted.StackStatus);
        Assert.Null(deleted.StackStatusReason);
        var failed = response.StackSummaries[1];
        Assert.Equal("ROLLBACK_COMPLETE", failed.StackStatus);
        Assert.Equal("The following resource(s) failed to create: [Scheduler].", failed.StackStatusReason);
        Assert.Null(failed.DeletionTime);
        Assert.Equal("eyJwYWdlIjozfQ==", response.NextToken);
    }

    [Fact]
    public async Task DescribeStacks_reads_every_tag_in_order_with_escaped_values()
    {
        var (response, _) = await WithAsync(sp => Cfn(sp).DescribeStacksAsync(new DescribeStacksRequest { StackName = "portal-s9-scheduler" }), Xml($"""
            <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks><member>
              <StackId>arn:aws:cloudformation:eu-west-2:123456789012:stack/portal-s9-scheduler/0d9e8f70-3333-4aaa-8bbb-000000000009</StackId>
              <StackName>portal-s9-scheduler</StackName><CreationTime>2026-05-01T12:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>
              <Tags>
                <member><Key>portal-session</Key><Value>s9</Value></member>
                <member><Key>portal-owner</Key><Value>R&amp;D &lt;climate&gt;</Value></member>
                <member><Key>portal-managed</Key><Value>true</Value></member>
                <member><Key>empty</Key><Value></Value></member>
              </Tags>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """));

        var tags = Assert.Single(response.Stacks).Tags!;
        Assert.Equal(["portal-session", "portal-owner", "portal-managed", "empty"], tags.Select(t => t.Key));
        Assert.Equal(["s9", "R&D <climate>", "true", ""], tags.Select(t => t.Value));
    }

    [Fact]
    public async Task A_stack_without_tags_reads_as_no_tags()
    {
        var (response, _) = await WithAsync(sp => Cfn(sp).DescribeStacksAsync(new DescribeStacksRequest { StackName = "portal-bare" }), Xml($"""
            <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks><member>
              <StackId>arn:aws:cloudformation:eu-west-2:123456789012:stack/portal-bare/1</StackId><StackName>portal-bare</StackName>
              <CreationTime>2026-05-01T12:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """));

        Assert.Null(Assert.Single(response.Stacks).Tags);
    }

    private static IAmazonCloudFormation Cfn(IServiceProvider services) => WireCase.Client<IAmazonCloudFormation>(services, "eu-west-2");

    private static Portal.Infra.Tests.Aws.Support.CannedResponse EventsPage(string[] ids, string? next)
    {
        var members = string.Concat(ids.Select(id => $"""
            <member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-x/1</StackId><EventId>{id}</EventId>
            <StackName>portal-x</StackName><LogicalResourceId>portal-x</LogicalResourceId><ResourceType>AWS::CloudFormation::Stack</ResourceType>
            <Timestamp>2025-05-01T12:00:05.000Z</Timestamp><ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus><ClientRequestToken>create-0001</ClientRequestToken></member>
            """));
        return Xml($"""
            <DescribeStackEventsResponse xmlns="{Ns}"><DescribeStackEventsResult><StackEvents>{members}</StackEvents>
            {(next is null ? string.Empty : $"<NextToken>{next}</NextToken>")}</DescribeStackEventsResult></DescribeStackEventsResponse>
            """);
    }
}
