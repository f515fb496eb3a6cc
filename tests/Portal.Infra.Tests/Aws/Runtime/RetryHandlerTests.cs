using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Runtime;

public sealed class RetryHandlerTests
{
    private static readonly AwsRetrySettings Settings = new(3, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));

    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("SlowDown")]
    public async Task Throttling_is_retried_and_the_success_is_returned(string code)
    {
        var inner = new ScriptedHandler(Json(400, code), Json(200, null));
        var clock = new RecordingRetryClock(jitter: 0.5);

        using var response = await Send(inner, clock, new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(0.5)], clock.Delays);
    }

    [Fact]
    public async Task Server_errors_use_all_three_attempts_then_return_the_last_answer()
    {
        var inner = new ScriptedHandler(Json(500, "InternalFailure"), Json(503, null), Json(502, null));
        var clock = new RecordingRetryClock(jitter: 0.5);

        using var response = await Send(inner, clock, new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, inner.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)], clock.Delays);
    }

    [Theory]
    [InlineData(400, "ValidationError")]
    [InlineData(400, "AlreadyExistsException")]
    [InlineData(400, "ResourceLimitExceeded")]
    [InlineData(403, "AccessDeniedException")]
    [InlineData(501, "NotImplemented")]
    public async Task Errors_the_caller_must_read_are_not_retried(int status, string code)
    {
        var inner = new ScriptedHandler(Json(status, code), Json(200, null));

        using var response = await Send(inner, new RecordingRetryClock(), new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task Query_protocol_error_codes_are_read_from_the_xml_body()
    {
        var inner = new ScriptedHandler(
            () => new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>"),
            },
            Json(200, null));

        using var response = await Send(inner, new RecordingRetryClock(), new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Attempts);
    }

    [Fact]
    public async Task Timeouts_are_retried_at_the_timeout_cost_then_surface_as_timeout()
    {
        var inner = new ScriptedHandler(Hang, Hang, Hang);
        var quota = new RetryQuota();

        await Assert.ThrowsAsync<TimeoutException>(() => Send(inner, new RecordingRetryClock(), quota, TestContext.Current.CancellationToken));

        Assert.Equal(3, inner.Attempts);
        Assert.Equal(RetryQuota.Capacity - (2 * RetryQuota.TimeoutRetryCost), quota.Available);
    }

    [Fact]
    public async Task A_timeout_followed_by_success_refunds_the_timeout_cost()
    {
        var quota = new RetryQuota(400);
        var inner = new ScriptedHandler(Hang, Json(200, null));

        using var response = await Send(inner, new RecordingRetryClock(), quota, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, quota.Available);
    }

    [Fact]
    public async Task A_first_time_success_adds_one_to_the_quota_up_to_its_capacity()
    {
        var quota = new RetryQuota(100);
        using (await Send(new ScriptedHandler(Json(200, null)), new RecordingRetryClock(), quota, TestContext.Current.CancellationToken))
        {
        }

        using (await Send(new ScriptedHandler(Json(200, null)), new RecordingRetryClock(), new RetryQuota(), TestContext.Current.CancellationToken))
        {
        }

        Assert.Equal(101, quota.Available);
    }

    [Fact]
    public async Task An_exhausted_quota_stops_retrying()
    {
        var quota = new RetryQuota(RetryQuota.RetryCost + 2);
        var inner = new ScriptedHandler(Json(503, null), Json(503, null), Json(200, null));

        using var response = await Send(inner, new RecordingRetryClock(), quota, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(2, inner.Attempts);
        Assert.Equal(2, quota.Available);
    }

    [Fact]
    public async Task A_storm_drains_the_quota_and_later_calls_get_one_attempt()
    {
        var quota = new RetryQuota();
        var attempts = 0;
        for (var call = 0; call < 60; call++)
        {
            var inner = new ScriptedHandler(Json(500, null), Json(500, null), Json(500, null));
            using var response = await Send(inner, new RecordingRetryClock(), quota, TestContext.Current.CancellationToken);
            attempts += inner.Attempts;
        }

        // 500 / 5 = 100 retries in all, however many calls fail.
        Assert.Equal(60 + 100, attempts);
        Assert.Equal(0, quota.Available);
    }

    [Fact]
    public async Task Cancellation_during_the_backoff_stops_at_once()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = new ScriptedHandler(Json(503, null), Json(200, null));
        var clock = new BlockingClock(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(inner, clock, new RetryQuota(), cancellation.Token));

        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task Cancellation_during_an_attempt_is_not_taken_for_a_timeout()
    {
        using var cancellation = new CancellationTokenSource();
        var quota = new RetryQuota();
        var inner = new ScriptedHandler(() =>
        {
            cancellation.Cancel();
            throw new TaskCanceledException();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(inner, new RecordingRetryClock(), quota, cancellation.Token));

        Assert.Equal(1, inner.Attempts);
        Assert.Equal(RetryQuota.Capacity, quota.Available);
    }

    [Fact]
    public async Task Connection_failures_are_retried()
    {
        var inner = new ScriptedHandler(() => throw new HttpRequestException("Connection refused"), Json(200, null));

        using var response = await Send(inner, new RecordingRetryClock(), new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(2, inner.Attempts);
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh()
    {
        var inner = new ScriptedHandler(Json(503, null), Json(503, null), Json(200, null));
        using var signing = new AwsSigningHandler(new BasicAWSCredentials("AKIDEXAMPLE", "secret")) { InnerHandler = inner };

        using var response = await Send(signing, new RecordingRetryClock(), new RetryQuota(), TestContext.Current.CancellationToken);

        Assert.Equal(3, inner.Attempts);
        Assert.All(inner.AuthorizationHeaders, values => Assert.Single(values));
        Assert.All(inner.AuthorizationHeaders, values => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", values[0], StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> Send(
        HttpMessageHandler inner, IRetryClock clock, RetryQuota quota, CancellationToken cancellationToken)
    {
        using var retry = new AwsRetryHandler(Settings, quota, clock, TimeProvider.System, NullLogger<AwsRetryHandler>.Instance) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(retry, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://sagemaker.example/") { Content = new StringContent("{}") };
        request.WithAws("DescribeNotebookInstance", "eu-west-2", "sagemaker");
        return await invoker.SendAsync(request, cancellationToken);
    }

    private static Func<HttpResponseMessage> Json(int status, string? code) => () => new HttpResponseMessage((HttpStatusCode)status)
    {
        Content = new StringContent(code is null ? "{}" : $"{{\"__type\":\"{code}\",\"message\":\"m\"}}"),
    };

    private static HttpResponseMessage Hang() => throw new InvalidOperationException("Replaced by ScriptedHandler");

    /// <summary>Answers from a script, one step per attempt; <see cref="Hang"/> waits until the attempt is cancelled.</summary>
    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] steps) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        public List<string[]> AuthorizationHeaders { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var step = steps[Math.Min(Interlocked.Increment(ref _attempts) - 1, steps.Length - 1)];
            AuthorizationHeaders.Add(request.Headers.TryGetValues("Authorization", out var values) ? [.. values] : []);
            if (step == Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return step();
        }
    }

    private sealed class BlockingClock(CancellationTokenSource cancellation) : IRetryClock
    {
        public double NextJitter() => 0.5;

        public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
