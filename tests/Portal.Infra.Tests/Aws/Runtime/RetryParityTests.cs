using System.Text.Json.Nodes;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Tests.Aws.Support;
using Portal.Infra.Tests.Aws.Wire;

namespace Portal.Infra.Tests.Aws.Runtime;

/// <summary>
/// Which failed answers are retried, checked against the reference rather than against our reading of it: boto3 in
/// the "standard" retry mode and our client meet the same answer, and must make the same number of attempts.
/// </summary>
public sealed class RetryParityTests(RetryParityTests.Capture capture) : IClassFixture<RetryParityTests.Capture>
{
    private const string Json = "application/x-amz-json-1.1";
    private const string Query = "text/xml";

    private static readonly (string Service, int Status, string ContentType, string Body)[] Answers =
    [
        ("sagemaker", 429, Json, string.Empty),
        ("sagemaker", 429, Json, """{"message": "Too Many Requests"}"""),
        ("sagemaker", 429, Json, """{"__type": "ThrottlingException", "message": "Rate exceeded"}"""),
        ("sagemaker", 400, Json, """{"__type": "ThrottlingException", "message": "Rate exceeded"}"""),
        ("sagemaker", 400, Json, """{"__type": "com.amazonaws.sagemaker#TooManyRequestsException", "message": "Slow down"}"""),
        ("sagemaker", 400, Json, """{"__type": "RequestTimeoutException", "message": "Timed out"}"""),
        ("sagemaker", 400, Json, """{"__type": "ValidationException", "message": "RecordNotFound"}"""),
        ("sagemaker", 500, Json, string.Empty),
        ("sagemaker", 501, Json, string.Empty),
        ("sagemaker", 503, Json, string.Empty),
        ("cloudformation", 429, Query, string.Empty),
        ("cloudformation", 400, Query, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>"),
        ("cloudformation", 403, Query, "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>No</Message></Error><RequestId>r</RequestId></ErrorResponse>"),
    ];

    public static TheoryData<int, string> Cases => new(Answers.Select((a, i) => (i, $"{a.Service} {a.Status} {a.Body}")));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_client_makes_as_many_attempts_as_botocores_standard_mode(int index, string answer)
    {
        var ct = TestContext.Current.CancellationToken;
        await capture.EnsureAsync(ct);
        await using (var services = AwsTestHost.Build(new Uri(capture.Endpoint, $"ours-{index}/")))
        {
            try
            {
                if (Answers[index].Service == "cloudformation")
                {
                    await WireCase.Client<IAmazonCloudFormation>(services, "eu-west-2").DescribeStacksAsync(new DescribeStacksRequest { StackName = "portal-x" }, ct);
                }
                else
                {
                    await WireCase.Client<IAmazonSageMaker>(services, "eu-west-2").DescribeNotebookInstanceAsync(new DescribeNotebookInstanceRequest { NotebookInstanceName = "portal-x" }, ct);
                }
            }
            catch (AwsServiceException)
            {
            }
        }

        Assert.True(capture.Attempts($"boto-{index}") > 0, answer);
        Assert.Equal(capture.Attempts($"boto-{index}"), capture.Attempts($"ours-{index}"));
    }

    /// <summary>One local server for both clients (answering by path), and boto3's attempts, run once for all cases.</summary>
    public sealed class Capture : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private LocalHttpServer? _server;

        public Uri Endpoint => _server!.Endpoint;

        public int Attempts(string prefix) => _server!.Requests.Count(r => r.Path.StartsWith($"/{prefix}/", StringComparison.Ordinal));

        public async Task EnsureAsync(CancellationToken cancellationToken)
        {
            var python = ExternalTools.RequirePython();
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_server is not null)
                {
                    return;
                }

                var server = await LocalHttpServer.StartAsync(Answer, cancellationToken);
                var input = new JsonArray(Answers.Select((a, i) => (JsonNode)new JsonObject
                {
                    ["service"] = a.Service,
                    ["endpoint"] = new Uri(server.Endpoint, $"boto-{i}/").ToString(),
                }).ToArray());
                await ExternalTools.RunAsync(python, ["-c", BotoScripts.Attempts], input.ToJsonString(), cancellationToken);
                _server = server;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            _gate.Dispose();
        }

        private static CannedResponse Answer(CapturedRequest request)
        {
            var index = int.Parse(request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0].Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            var (_, status, contentType, body) = Answers[index];
            return new CannedResponse(status, contentType, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "parity" });
        }
    }
}
