using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Parsing;

/// <summary>Runs our clients against a local server that answers with the given bodies, in order (the last repeats).</summary>
internal static class Answering
{
    public static async Task<(T Result, IReadOnlyList<CapturedRequest> Requests)> WithAsync<T>(
        Func<IServiceProvider, Task<T>> call, params CannedResponse[] answers)
    {
        var next = 0;
        await using var server = await LocalHttpServer.StartAsync(
            _ => answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)],
            TestContext.Current.CancellationToken);
        await using var services = AwsTestHost.Build(server.Endpoint);
        var result = await call(services);
        return (result, server.Requests);
    }

    public static CannedResponse Xml(string body, int status = 200) =>
        new(status, "text/xml", body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-header-1" });

    public static CannedResponse Json(string body, int status = 200) =>
        new(status, "application/x-amz-json-1.1", body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-header-2" });
}
