using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Fake;

/// <summary>
/// SageMaker notebook instances: Pending for <see cref="StartDuration"/>, then InService; Stopping then Stopped;
/// Deleting then gone. Errors as SageMaker sends them (ValidationException "RecordNotFound", duplicates, states); a
/// lifecycle configuration cannot be deleted while an instance that is not gone uses it. Instances keep the tags they
/// were created with; ListNotebookInstances answers at most <see cref="ListPageSize"/> a page, ListTags
/// <see cref="TagPageSize"/>, so callers must follow NextToken.
/// </summary>
public sealed class FakeSageMaker(TimeProvider time)
{
    public static readonly TimeSpan StartDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan StopDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DeleteDuration = TimeSpan.FromMinutes(1);
    public const int ListPageSize = 2;
    public const int TagPageSize = 2;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Region, string Name), FakeInstance> _instances = [];
    private readonly Dictionary<(string Region, string Name), string> _lifecycleScripts = [];
    private readonly Dictionary<(string Region, string Name), string> _onStartScripts = [];
    private readonly HashSet<string> _failing = [];

    /// <summary>The instance of this name, once created, ends its start as Failed (a lifecycle script that failed).</summary>
    public void FailWhenCreated(string name)
    {
        lock (_lock)
        {
            _failing.Add(name);
        }
    }

    /// <summary>Adds a configuration made outside the portal (as HomeFoundation's shared one is), with an OnStart script.</summary>
    public void SeedLifecycleConfig(string region, string name, string onStartScript)
    {
        lock (_lock)
        {
            _lifecycleScripts[(region, name)] = string.Empty;
            _onStartScripts[(region, name)] = onStartScript;
        }
    }

    /// <summary>The decoded OnStart script of a lifecycle configuration.</summary>
    public string? OnStartScript(string region, string name)
    {
        lock (_lock)
        {
            return _onStartScripts.GetValueOrDefault((region, name));
        }
    }

    /// <summary>The decoded OnCreate script of a lifecycle configuration.</summary>
    public string? LifecycleScript(string region, string name)
    {
        lock (_lock)
        {
            return _lifecycleScripts.GetValueOrDefault((region, name));
        }
    }

    public int InstanceCount
    {
        get
        {
            lock (_lock)
            {
                return _instances.Values.Count(i => !i.IsGone(time.GetUtcNow()));
            }
        }
    }

    public CannedResponse Handle(string region, string target, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var operation = target.Split('.').Last();
        lock (_lock)
        {
            return operation switch
            {
                "CreateNotebookInstanceLifecycleConfig" => CreateLifecycleConfig(region, request),
                "DeleteNotebookInstanceLifecycleConfig" => DeleteLifecycleConfig(region, request),
                "DescribeNotebookInstanceLifecycleConfig" => DescribeLifecycleConfig(region, request),
                "CreateNotebookInstance" => Create(region, request),
                "DescribeNotebookInstance" => WithInstance(region, request, Describe),
                "StopNotebookInstance" => WithInstance(region, request, Stop),
                "DeleteNotebookInstance" => WithInstance(region, request, Delete),
                "CreatePresignedNotebookInstanceUrl" => WithInstance(region, request, Presign),
                "ListNotebookInstances" => List(region, request),
                "ListTags" => Tags(region, request),
                _ => Error("UnknownOperationException", $"Unknown operation {operation}"),
            };
        }
    }

    private CannedResponse CreateLifecycleConfig(string region, JsonObject request)
    {
        var name = (string)request["NotebookInstanceLifecycleConfigName"]!;
        if (_lifecycleScripts.ContainsKey((region, name)))
        {
            return Error("ValidationException", $"Unable to create Notebook Instance Lifecycle Config {name}: it already exists.");
        }

        var content = (string)request["OnCreate"]![0]!["Content"]!;
        if (content.Length > 16384)
        {
            return Error("ValidationException", "1 validation error detected: Value at 'onCreate.1.member.content' failed to satisfy constraint: Member must have length less than or equal to 16384");
        }

        _lifecycleScripts[(region, name)] = Encoding.UTF8.GetString(Convert.FromBase64String(content));
        if (request["OnStart"] is JsonArray { Count: > 0 } onStart)
        {
            _onStartScripts[(region, name)] = Encoding.UTF8.GetString(Convert.FromBase64String((string)onStart[0]!["Content"]!));
        }
        return Ok(new JsonObject { ["NotebookInstanceLifecycleConfigArn"] = $"arn:aws:sagemaker:{region}:123456789012:notebook-instance-lifecycle-config/{name}" });
    }

    private CannedResponse DescribeLifecycleConfig(string region, JsonObject request)
    {
        var name = (string)request["NotebookInstanceLifecycleConfigName"]!;
        if (!_lifecycleScripts.ContainsKey((region, name)))
        {
            return Error("ValidationException", $"Unable to describe Notebook Instance Lifecycle Config {name}");
        }

        var body = new JsonObject
        {
            ["NotebookInstanceLifecycleConfigArn"] = $"arn:aws:sagemaker:{region}:123456789012:notebook-instance-lifecycle-config/{name}",
            ["NotebookInstanceLifecycleConfigName"] = name,
            ["CreationTime"] = 1746100800.0,
        };
        if (_onStartScripts.TryGetValue((region, name), out var onStart))
        {
            body["OnStart"] = new JsonArray(new JsonObject { ["Content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(onStart)) });
        }

        return Ok(body);
    }

    private CannedResponse DeleteLifecycleConfig(string region, JsonObject request)
    {
        var name = (string)request["NotebookInstanceLifecycleConfigName"]!;
        var user = _instances.Where(i => i.Key.Region == region && i.Value.LifecycleConfigName == name && !i.Value.IsGone(time.GetUtcNow()))
            .Select(i => i.Value.Arn).FirstOrDefault();
        if (user is not null)
        {
            return Error("ValidationException", $"Unable to delete Notebook Instance Lifecycle Config {name}: it is in use by Notebook Instance ({user}).");
        }

        return _lifecycleScripts.Remove((region, name))
            ? Ok([])
            : Error("ValidationException", $"Unable to describe Notebook Instance Lifecycle Config {name}");
    }

    private CannedResponse Create(string region, JsonObject request)
    {
        var name = (string)request["NotebookInstanceName"]!;
        var arn = $"arn:aws:sagemaker:{region}:123456789012:notebook-instance/{name}";
        if (_instances.TryGetValue((region, name), out var existing) && !existing.IsGone(time.GetUtcNow()))
        {
            return Error("ValidationException", $"Cannot create a duplicate Notebook Instance ({arn})");
        }

        if (request["LifecycleConfigName"] is { } config && !_lifecycleScripts.ContainsKey((region, (string)config!)))
        {
            return Error("ValidationException", $"Notebook Instance Lifecycle Config {config} does not exist.");
        }

        if ((string?)request["InstanceType"] == "ml.p4d.24xlarge")
        {
            return Error("ResourceLimitExceeded", "The account-level service limit 'ml.p4d.24xlarge for notebook instance usage' is 0 Instances.");
        }

        _instances[(region, name)] = new FakeInstance(name, arn, (string)request["InstanceType"]!, time.GetUtcNow(), _failing.Contains(name))
        {
            LifecycleConfigName = (string?)request["LifecycleConfigName"],
            Tags = [.. (request["Tags"] as JsonArray ?? []).Select(t => ((string)t!["Key"]!, (string?)t["Value"] ?? string.Empty))],
        };
        return Ok(new JsonObject { ["NotebookInstanceArn"] = arn });
    }

    private CannedResponse WithInstance(string region, JsonObject request, Func<FakeInstance, JsonObject, CannedResponse> act)
    {
        var name = (string)request["NotebookInstanceName"]!;
        return _instances.TryGetValue((region, name), out var instance) && !instance.IsGone(time.GetUtcNow())
            ? act(instance, request)
            : Error("ValidationException", "RecordNotFound");
    }

    private CannedResponse Describe(FakeInstance instance, JsonObject request)
    {
        var now = time.GetUtcNow();
        return Ok(new JsonObject
        {
            ["NotebookInstanceArn"] = instance.Arn,
            ["NotebookInstanceName"] = instance.Name,
            ["NotebookInstanceStatus"] = instance.Status(now),
            ["FailureReason"] = instance.Status(now) == "Failed" ? "Notebook Instance Lifecycle Config 'OnCreate' script failed." : null,
            ["InstanceType"] = instance.Type,
            ["CreationTime"] = instance.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["LastModifiedTime"] = now.ToUnixTimeMilliseconds() / 1000.0,
        });
    }

    /// <summary>The instances that are not gone whose name contains NameContains, by name, a page at a time.</summary>
    private CannedResponse List(string region, JsonObject request)
    {
        var max = (int?)request["MaxResults"] ?? 10;
        if (max is < 1 or > 100)
        {
            return Error("ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
        }

        var now = time.GetUtcNow();
        var contains = (string?)request["NameContains"] ?? string.Empty;
        var listed = _instances.Where(i => i.Key.Region == region && !i.Value.IsGone(now) && i.Value.Name.Contains(contains, StringComparison.Ordinal))
            .Select(i => i.Value).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        var start = (string?)request["NextToken"] is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(max, ListPageSize);
        var body = new JsonObject
        {
            ["NotebookInstances"] = new JsonArray([.. listed.Skip(start).Take(size).Select(i => (JsonNode)new JsonObject
            {
                ["NotebookInstanceName"] = i.Name,
                ["NotebookInstanceArn"] = i.Arn,
                ["NotebookInstanceStatus"] = i.Status(now),
                ["InstanceType"] = i.Type,
                ["CreationTime"] = i.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
                ["LastModifiedTime"] = now.ToUnixTimeMilliseconds() / 1000.0,
                ["NotebookInstanceLifecycleConfigName"] = i.LifecycleConfigName,
            })]),
        };
        if (start + size < listed.Count)
        {
            body["NextToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Ok(body);
    }

    private CannedResponse Tags(string region, JsonObject request)
    {
        if ((int?)request["MaxResults"] is < 50)
        {
            return Error("ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 50");
        }

        var arn = (string)request["ResourceArn"]!;
        var instance = _instances.Values.FirstOrDefault(i => i.Arn == arn && !i.IsGone(time.GetUtcNow()));
        if (instance is null || !arn.Contains($":sagemaker:{region}:", StringComparison.Ordinal))
        {
            return Error("ValidationException", $"RecordNotFound: {arn} does not exist");
        }

        var start = (string?)request["NextToken"] is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new JsonObject
        {
            ["Tags"] = new JsonArray([.. instance.Tags.Skip(start).Take(TagPageSize)
                .Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
        };
        if (start + TagPageSize < instance.Tags.Count)
        {
            body["NextToken"] = (start + TagPageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Ok(body);
    }

    private CannedResponse Stop(FakeInstance instance, JsonObject request)
    {
        var status = instance.Status(time.GetUtcNow());
        if (status != "InService")
        {
            return Error("ValidationException", $"Status ({status}) not in ([InService]). Unable to transition to (Stopping) for Notebook Instance ({instance.Arn}).");
        }

        instance.StopAt(time.GetUtcNow());
        return Ok([]);
    }

    private CannedResponse Delete(FakeInstance instance, JsonObject request)
    {
        var status = instance.Status(time.GetUtcNow());
        if (status is not ("Stopped" or "Failed"))
        {
            return Error("ValidationException", $"Status ({status}) not in ([Stopped, Failed]). Unable to transition to (Deleting) for Notebook Instance ({instance.Arn}).");
        }

        instance.DeleteAt(time.GetUtcNow());
        return Ok([]);
    }

    private CannedResponse Presign(FakeInstance instance, JsonObject request)
    {
        var seconds = (int?)request["SessionExpirationDurationInSeconds"] ?? 43200;
        if (seconds is < 1800 or > 43200)
        {
            return Error("ValidationException", "1 validation error detected: Value at 'sessionExpirationDurationInSeconds' failed to satisfy constraint");
        }

        return Ok(new JsonObject { ["AuthorizedUrl"] = $"https://{instance.Name}.notebook.eu-west-2.sagemaker.aws?authToken=SECRET-TOKEN-{seconds}" });
    }

    private static CannedResponse Ok(JsonObject body) => new(
        200, "application/x-amz-json-1.1", body.ToJsonString(), new Dictionary<string, string> { ["x-amzn-RequestId"] = Guid.NewGuid().ToString() });

    private static CannedResponse Error(string code, string message) => new(
        400, "application/x-amz-json-1.1", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message }),
        new Dictionary<string, string> { ["x-amzn-RequestId"] = Guid.NewGuid().ToString() });

    /// <summary>Decompresses the notebook a portal lifecycle script carries (gzip, base64 between the here-doc markers).</summary>
    public static string NotebookInScript(string script)
    {
        var lines = script.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains("<<'PORTAL_NOTEBOOK'", StringComparison.Ordinal)) + 1;
        var end = Array.IndexOf(lines, "PORTAL_NOTEBOOK");
        var payload = Convert.FromBase64String(string.Concat(lines[start..end]));
        using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class FakeInstance(string name, string arn, string type, DateTimeOffset createdAt, bool fails)
    {
        private DateTimeOffset? _stoppedAt;
        private DateTimeOffset? _deletedAt;

        public string Name => name;

        public string Arn => arn;

        public string Type => type;

        public string? LifecycleConfigName { get; init; }

        public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

        public DateTimeOffset CreatedAt => createdAt;

        public void StopAt(DateTimeOffset now) => _stoppedAt = now;

        public void DeleteAt(DateTimeOffset now) => _deletedAt = now;

        public bool IsGone(DateTimeOffset now) => _deletedAt is { } at && now >= at + DeleteDuration;

        public string Status(DateTimeOffset now) =>
            _deletedAt is not null ? "Deleting"
            : _stoppedAt is { } stopped ? (now >= stopped + StopDuration ? "Stopped" : "Stopping")
            : now >= createdAt + StartDuration ? (fails ? "Failed" : "InService")
            : "Pending";
    }
}
