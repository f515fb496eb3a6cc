using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Tests.Aws.Support;
using Portal.Infra.Tests.Aws.Wire;

namespace Portal.Infra.Tests.Aws.Runtime;

/// <summary>
/// A 200 is not an answer until its body has arrived: an attempt whose body stalls is bounded by the attempt timeout
/// and retried, as is one whose connection is reset mid-body.
/// </summary>
public sealed class ResponseBodyRetryTests
{
    private const string Body = """{"NotebookInstanceName": "portal-s1", "NotebookInstanceStatus": "InService", "NotebookInstanceArn": "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-s1"}""";

    /// <summary>Long enough to see a hang, short enough to fail rather than hang the run.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(RawAnswer.StallMidBody)]
    [InlineData(RawAnswer.ResetMidBody)]
    public async Task A_body_that_stalls_or_breaks_is_retried_within_the_attempt(RawAnswer firstAnswer)
    {
        await using var server = new RawHttpServer(Body, firstAnswer, RawAnswer.Whole);
        var clock = new RecordingRetryClock();
        var quota = new RetryQuota(400);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        using var retry = new AwsRetryHandler(
            new AwsRetrySettings(3, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500)), quota, clock, TimeProvider.System,
            NullLogger<AwsRetryHandler>.Instance)
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        using var invoker = new HttpMessageInvoker(retry);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent("{}") };
        request.WithAws("DescribeNotebookInstance", "eu-west-2", "sagemaker");

        using var response = await invoker.SendAsync(request, patience.Token);
        var text = await response.Content.ReadAsStringAsync(patience.Token);

        Assert.Equal(Body, text);
        Assert.Equal(2, server.Requests);
        Assert.Single(clock.Delays);
        Assert.Equal(400, quota.Available);
    }

    [Fact]
    public async Task Through_the_client_a_stalled_body_costs_one_attempt_timeout_not_a_hang()
    {
        await using var server = new RawHttpServer(Body, RawAnswer.StallMidBody, RawAnswer.Whole);
        await using var services = AwsTestHost.Build(server.Endpoint, settings: new Dictionary<string, string?> { ["Aws:Retry:AttemptTimeoutSeconds"] = "1" });
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);

        var response = await WireCase.Client<IAmazonSageMaker>(services, "eu-west-2").DescribeNotebookInstanceAsync(
            new DescribeNotebookInstanceRequest { NotebookInstanceName = "portal-s1" }, patience.Token);

        Assert.Equal("InService", response.NotebookInstanceStatus);
        Assert.Equal("raw-2", response.ResponseMetadata.RequestId);
        Assert.Equal(2, server.Requests);
    }
}
