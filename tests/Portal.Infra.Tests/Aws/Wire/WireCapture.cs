using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Wire;

/// <summary>
/// Runs every <see cref="WireCases"/> case once through boto3 (one python process for all of them), once through
/// our clients, a few through the AWS CLI, and recomputes our signatures with botocore (one more python process).
/// Done once, on first use, for all wire tests.
/// </summary>
public sealed class WireCapture : IAsyncDisposable
{
    public static readonly string[] CliCases = ["CloudFormation.CreateStack", "SageMaker.CreateNotebookInstance", "Pricing.GetProducts"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalHttpServer? _server;
    private bool _done;

    public Dictionary<string, CapturedRequest> Boto { get; } = [];

    public Dictionary<string, CapturedRequest> Cli { get; } = [];

    public Dictionary<string, CapturedRequest> Ours { get; } = [];

    public Dictionary<string, JsonObject> Signatures { get; } = [];

    public Uri Endpoint => _server!.Endpoint;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var python = ExternalTools.RequirePython();
        var cli = ExternalTools.RequireAwsCli();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            _server = await LocalHttpServer.StartAsync(Answer, cancellationToken);
            await RunBotoAsync(python, cancellationToken);
            await RunOursAsync(cancellationToken);
            await RunCliAsync(cli, cancellationToken);
            await VerifySignaturesAsync(python, cancellationToken);
            _done = true;
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

    /// <summary>A minimal valid answer for any operation, so neither client retries or fails.</summary>
    public static CannedResponse Answer(CapturedRequest request)
    {
        var headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = "11111111-2222-3333-4444-555555555555" };
        if (request.Header("X-Amz-Target") is not null)
        {
            return new CannedResponse(200, "application/x-amz-json-1.1", "{}", headers);
        }

        var action = HttpUtility.ParseQueryString(request.BodyText)["Action"] ?? "Unknown";
        var (ns, result) = action switch
        {
            "GetCallerIdentity" => ("https://sts.amazonaws.com/doc/2011-06-15/",
                "<Arn>arn:aws:sts::123456789012:assumed-role/Portal/session</Arn><UserId>AROAEXAMPLE:session</UserId><Account>123456789012</Account>"),
            "CreateStack" or "UpdateStack" => ("http://cloudformation.amazonaws.com/doc/2010-05-15/",
                "<StackId>arn:aws:cloudformation:eu-west-2:123456789012:stack/portal/1</StackId>"),
            _ => ("http://cloudformation.amazonaws.com/doc/2010-05-15/", string.Empty),
        };
        var body = $"<{action}Response xmlns=\"{ns}\"><{action}Result>{result}</{action}Result>"
            + $"<ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ResponseMetadata></{action}Response>";
        return new CannedResponse(200, "text/xml", body, headers);
    }

    private async Task RunBotoAsync(string python, CancellationToken cancellationToken)
    {
        var input = new JsonArray(WireCases.All.Select(c => (JsonNode)new JsonObject
        {
            ["service"] = c.BotoService,
            ["region"] = c.Region,
            ["operation"] = c.BotoOperation,
            ["params"] = JsonNode.Parse(c.Parameters),
        }).ToArray());
        var before = _server!.Requests.Count;
        var output = await ExternalTools.RunAsync(python, ["-c", BotoScripts.Call, Endpoint.ToString()], input.ToJsonString(), cancellationToken);
        var results = JsonSerializer.Deserialize<string[]>(output)!;
        var requests = _server.Requests.Skip(before).ToList();
        if (results.Any(r => r != "ok") || requests.Count != WireCases.All.Count)
        {
            throw new InvalidOperationException($"boto3 did not make one request per case ({requests.Count} for {WireCases.All.Count}): {string.Join("; ", results)}");
        }

        for (var i = 0; i < requests.Count; i++)
        {
            Boto[WireCases.All[i].Name] = requests[i];
        }
    }

    private async Task RunOursAsync(CancellationToken cancellationToken)
    {
        await using var services = AwsTestHost.Build(Endpoint);
        foreach (var wireCase in WireCases.All)
        {
            var before = _server!.Requests.Count;
            await wireCase.Ours(services, cancellationToken);
            var requests = _server.Requests.Skip(before).ToList();
            Ours[wireCase.Name] = requests.Count == 1
                ? requests[0]
                : throw new InvalidOperationException($"{wireCase.Name}: our client sent {requests.Count} requests.");
        }
    }

    private async Task RunCliAsync(string cli, CancellationToken cancellationToken)
    {
        foreach (var name in CliCases)
        {
            var wireCase = WireCases.Get(name);
            var before = _server!.Requests.Count;
            await ExternalTools.RunAsync(
                cli,
                ["--endpoint-url", Endpoint.ToString(), "--region", wireCase.Region, "--output", "json",
                    wireCase.BotoService, wireCase.CliCommand, "--cli-input-json", wireCase.Parameters],
                null,
                cancellationToken);
            Cli[name] = _server.Requests.Skip(before).Single();
        }
    }

    private async Task VerifySignaturesAsync(string python, CancellationToken cancellationToken)
    {
        var names = Ours.Keys.ToList();
        var input = new JsonArray(names.Select(name =>
        {
            var request = Ours[name];
            var wireCase = WireCases.Get(name);
            var signed = SignedHeaderNames(request);
            var headers = new JsonObject();
            foreach (var header in signed)
            {
                headers[header] = request.Header(header) ?? string.Empty;
            }

            return (JsonNode)new JsonObject
            {
                ["method"] = request.Method,
                ["url"] = new Uri(Endpoint, request.Path + request.Query).ToString(),
                ["headers"] = headers,
                ["body"] = Convert.ToBase64String(request.Body),
                ["region"] = wireCase.Region,
                ["service"] = wireCase.SigningService,
                ["amzdate"] = request.Header("X-Amz-Date"),
                ["accessKey"] = ExternalTools.AccessKey,
                ["secretKey"] = ExternalTools.SecretKey,
            };
        }).ToArray());
        var output = await ExternalTools.RunAsync(python, ["-c", BotoScripts.Sign], input.ToJsonString(), cancellationToken);
        var results = JsonNode.Parse(output)!.AsArray();
        for (var i = 0; i < names.Count; i++)
        {
            Signatures[names[i]] = results[i]!.AsObject();
        }
    }

    /// <summary>The names listed in the Authorization header's <c>SignedHeaders=</c>.</summary>
    public static IReadOnlyList<string> SignedHeaderNames(CapturedRequest request)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        var part = authorization.Split(", ").FirstOrDefault(p => p.StartsWith("SignedHeaders=", StringComparison.Ordinal)) ?? string.Empty;
        return part["SignedHeaders=".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Signature(CapturedRequest request) =>
        (request.Header("Authorization") ?? string.Empty).Split("Signature=").Last();

    internal static string Canonical(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value!))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(v => Canonical(v!))) + "]",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    internal static IReadOnlyList<string> FormMembers(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => HttpUtility.UrlDecode(kv[0], Encoding.UTF8) + "=" + HttpUtility.UrlDecode(kv.Length > 1 ? kv[1] : string.Empty, Encoding.UTF8))
            .Order(StringComparer.Ordinal)
            .ToList();
}

[CollectionDefinition(Name)]
public sealed class WireGroup : ICollectionFixture<WireCapture>
{
    public const string Name = "AWS wire";
}
