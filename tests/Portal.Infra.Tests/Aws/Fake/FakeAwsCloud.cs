using System.Text.RegularExpressions;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Fake;

/// <summary>
/// A local endpoint that plays CloudFormation's and SageMaker's state machines in their real wire formats (query
/// XML and JSON 1.1, with their error bodies), timed by a <see cref="TimeProvider"/> so tests advance it at will.
/// </summary>
public sealed partial class FakeAwsCloud : IAsyncDisposable
{
    private readonly LocalHttpServer _server;

    private FakeAwsCloud(LocalHttpServer server, FakeCloudFormation cloudFormation, FakeSageMaker sageMaker)
    {
        _server = server;
        CloudFormation = cloudFormation;
        SageMaker = sageMaker;
    }

    public Uri Endpoint => _server.Endpoint;

    public FakeCloudFormation CloudFormation { get; }

    public FakeSageMaker SageMaker { get; }

    public IReadOnlyList<CapturedRequest> Requests => _server.Requests;

    public static async Task<FakeAwsCloud> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var cloudFormation = new FakeCloudFormation(time);
        var sageMaker = new FakeSageMaker(time);
        var server = await LocalHttpServer.StartAsync(
            request =>
            {
                var region = RegionOf(request);
                return request.Header("X-Amz-Target") is { } target
                    ? sageMaker.Handle(region, target, request.BodyText)
                    : cloudFormation.Handle(region, request.BodyText);
            },
            cancellationToken);
        return new FakeAwsCloud(server, cloudFormation, sageMaker);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The signing region, from the credential scope of the Authorization header.</summary>
    private static string RegionOf(CapturedRequest request)
    {
        var match = CredentialScope().Match(request.Header("Authorization") ?? string.Empty);
        return match.Success ? match.Groups["region"].Value : "unsigned";
    }

    [GeneratedRegex("Credential=[^/]+/[0-9]{8}/(?<region>[^/]+)/")]
    private static partial Regex CredentialScope();
}
