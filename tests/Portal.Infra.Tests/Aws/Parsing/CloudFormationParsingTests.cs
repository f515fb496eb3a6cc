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
