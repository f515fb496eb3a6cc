using System.Globalization;
using System.Security;
using System.Text;
using System.Web;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Fake;

/// <summary>
/// CloudFormation's stack lifecycle: CREATE_IN_PROGRESS for <see cref="CreateDuration"/>, then CREATE_COMPLETE;
/// DELETE_IN_PROGRESS for <see cref="DeleteDuration"/>, then gone by name (ListStacks still shows it, DELETE_COMPLETE).
/// Events page <see cref="EventPageSize"/> at a time, ListStacks <see cref="ListPageSize"/>. Stacks keep the tags they were
/// created with.
/// A CreateStack repeated with the same ClientRequestToken succeeds with the same stack id; another request for a
/// taken name gets AlreadyExistsException.
/// </summary>
public sealed class FakeCloudFormation(TimeProvider time)
{
    public const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    public static readonly TimeSpan CreateDuration = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan DeleteDuration = TimeSpan.FromMinutes(1);
    public const int EventPageSize = 3;
    public const int ListPageSize = 2;

    private readonly Lock _lock = new();
    private readonly List<FakeStack> _stacks = [];
    private int _requestCount;

    public int StackCount(string region, string name)
    {
        lock (_lock)
        {
            return _stacks.Count(s => s.Region == region && s.Name == name);
        }
    }

    public IReadOnlyDictionary<string, string> LastCreateForm { get; private set; } = new Dictionary<string, string>();

    public CannedResponse Handle(string region, string body)
    {
        var form = HttpUtility.ParseQueryString(body);
        var action = form["Action"] ?? string.Empty;
        lock (_lock)
        {
            _requestCount++;
            return action switch
            {
                "CreateStack" => Create(region, form),
                "DescribeStacks" => Describe(region, form["StackName"]!),
                "DescribeStackEvents" => Events(region, form["StackName"]!, form["NextToken"]),
                "DeleteStack" => Delete(region, form["StackName"]!),
                "ListStacks" => List(region, form),
                _ => Error(400, "InvalidAction", $"Could not find operation {action} for version 2010-05-15"),
            };
        }
    }

    private CannedResponse Create(string region, System.Collections.Specialized.NameValueCollection form)
    {
        var name = form["StackName"]!;
        LastCreateForm = form.AllKeys.ToDictionary(k => k!, k => form[k]!);
        if (Live(region, name) is { } existing)
        {
            // The token makes a retry safe: the same request again is answered with the stack it made.
            return existing.Token is not null && existing.Token == form["ClientRequestToken"]
                ? Ok("CreateStack", $"<StackId>{existing.Id}</StackId>")
                : Error(400, "AlreadyExistsException", $"Stack [{name}] already exists");
        }

        var tags = new List<(string Key, string Value)>();
        for (var i = 1; form[$"Tags.member.{i}.Key"] is { } key; i++)
        {
            tags.Add((key, form[$"Tags.member.{i}.Value"] ?? string.Empty));
        }

        var stack = new FakeStack(region, name, $"arn:aws:cloudformation:{region}:123456789012:stack/{name}/{Guid.NewGuid()}", time.GetUtcNow(), form["ClientRequestToken"])
        {
            Tags = tags,
        };
        _stacks.Add(stack);
        return Ok("CreateStack", $"<StackId>{stack.Id}</StackId>");
    }

    private CannedResponse Describe(string region, string name)
    {
        var stack = Live(region, name);
        if (stack is null)
        {
            return Error(400, "ValidationError", $"Stack with id {name} does not exist");
        }

        var now = time.GetUtcNow();
        var outputs = stack.Status(now) == "CREATE_COMPLETE"
            ? "<Outputs><member><OutputKey>SchedulerAddress</OutputKey><OutputValue>tcp://10.0.0.10:8786</OutputValue></member></Outputs>"
            : "<Outputs/>";
        return Ok("DescribeStacks", $"""
            <Stacks><member>
              <StackId>{stack.Id}</StackId><StackName>{stack.Name}</StackName>
              <CreationTime>{Xml(stack.CreatedAt)}</CreationTime>
              <StackStatus>{stack.Status(now)}</StackStatus>
              <DisableRollback>false</DisableRollback><NotificationARNs/>
              <Capabilities><member>CAPABILITY_IAM</member></Capabilities>{outputs}
              <Tags>{string.Concat(stack.Tags.Select(t => $"<member><Key>{SecurityElement.Escape(t.Key)}</Key><Value>{SecurityElement.Escape(t.Value)}</Value></member>"))}</Tags>
              <DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation>
            </member></Stacks>
            """);
    }

    private CannedResponse Events(string region, string name, string? nextToken)
    {
        var stack = Live(region, name);
        if (stack is null)
        {
            return Error(400, "ValidationError", $"Stack [{name}] does not exist");
        }

        var events = stack.Events(time.GetUtcNow());
        var start = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
        var page = events.Skip(start).Take(EventPageSize).ToList();
        var next = start + EventPageSize < events.Count ? $"<NextToken>{start + EventPageSize}</NextToken>" : string.Empty;
        var members = new StringBuilder();
        foreach (var e in page)
        {
            members.Append(CultureInfo.InvariantCulture, $"""
                <member><StackId>{stack.Id}</StackId><EventId>{e.Id}</EventId><StackName>{stack.Name}</StackName>
                <LogicalResourceId>{e.LogicalId}</LogicalResourceId><ResourceType>{e.Type}</ResourceType>
                <Timestamp>{Xml(e.At)}</Timestamp><ResourceStatus>{e.Status}</ResourceStatus>
                {(e.Reason is null ? string.Empty : $"<ResourceStatusReason>{SecurityElement.Escape(e.Reason)}</ResourceStatusReason>")}
                {(stack.Token is null ? string.Empty : $"<ClientRequestToken>{stack.Token}</ClientRequestToken>")}</member>
                """);
        }

        return Ok("DescribeStackEvents", $"<StackEvents>{members}</StackEvents>{next}");
    }

    /// <summary>Every stack of the region ever made, newest first, deleted ones included, unless the status filter leaves them out.</summary>
    private CannedResponse List(string region, System.Collections.Specialized.NameValueCollection form)
    {
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; form[$"StackStatusFilter.member.{i}"] is { } status; i++)
        {
            statuses.Add(status);
        }

        var now = time.GetUtcNow();
        var listed = _stacks.Where(s => s.Region == region && (statuses.Count == 0 || statuses.Contains(s.Status(now))))
            .OrderByDescending(s => s.CreatedAt).ToList();
        var start = form["NextToken"] is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var next = start + ListPageSize < listed.Count ? $"<NextToken>{start + ListPageSize}</NextToken>" : string.Empty;
        var members = string.Concat(listed.Skip(start).Take(ListPageSize).Select(s => $"""
            <member><StackId>{s.Id}</StackId><StackName>{s.Name}</StackName><TemplateDescription>Portal session workers</TemplateDescription>
            <CreationTime>{Xml(s.CreatedAt)}</CreationTime>{(s.IsGone(now) ? $"<DeletionTime>{Xml(now)}</DeletionTime>" : string.Empty)}
            <StackStatus>{s.Status(now)}</StackStatus><DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation></member>
            """));
        return Ok("ListStacks", $"<StackSummaries>{members}</StackSummaries>{next}");
    }

    private CannedResponse Delete(string region, string name)
    {
        var stack = Live(region, name);
        stack?.StartDelete(time.GetUtcNow());
        return Ok("DeleteStack", null);
    }

    /// <summary>The stack a name refers to: deleted stacks are only visible by id, as in CloudFormation.</summary>
    private FakeStack? Live(string region, string name) =>
        _stacks.LastOrDefault(s => s.Region == region && (s.Name == name || s.Id == name) && !s.IsGone(time.GetUtcNow()));

    private CannedResponse Ok(string action, string? result) => new(
        200,
        "text/xml",
        $"<{action}Response xmlns=\"{Namespace}\">"
        + (result is null ? string.Empty : $"<{action}Result>{result}</{action}Result>")
        + $"<ResponseMetadata><RequestId>{RequestId()}</RequestId></ResponseMetadata></{action}Response>",
        new Dictionary<string, string> { ["x-amzn-RequestId"] = RequestId() });

    private CannedResponse Error(int status, string code, string message) => new(
        status,
        "text/xml",
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error>"
        + $"<RequestId>{RequestId()}</RequestId></ErrorResponse>",
        new Dictionary<string, string> { ["x-amzn-RequestId"] = RequestId() });

    private string RequestId() => $"00000000-0000-4000-8000-{_requestCount:D12}";

    private static string Xml(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record FakeEvent(string Id, DateTimeOffset At, string LogicalId, string Type, string Status, string? Reason);

    private sealed class FakeStack(string region, string name, string id, DateTimeOffset createdAt, string? token)
    {
        private DateTimeOffset? _deleteStartedAt;

        public string Region => region;

        public string Name => name;

        public string Id => id;

        public DateTimeOffset CreatedAt => createdAt;

        public string? Token => token;

        public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

        public void StartDelete(DateTimeOffset now) => _deleteStartedAt ??= now;

        public bool IsGone(DateTimeOffset now) => _deleteStartedAt is { } started && now >= started + DeleteDuration;

        public string Status(DateTimeOffset now) =>
            IsGone(now) ? "DELETE_COMPLETE"
            : _deleteStartedAt is not null ? "DELETE_IN_PROGRESS"
            : now >= createdAt + CreateDuration ? "CREATE_COMPLETE"
            : "CREATE_IN_PROGRESS";

        /// <summary>Newest first, as CloudFormation lists them.</summary>
        public List<FakeEvent> Events(DateTimeOffset now)
        {
            var all = new List<FakeEvent>
            {
                new($"{name}-CREATE_IN_PROGRESS-0", createdAt, name, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"),
                new($"Service-CREATE_IN_PROGRESS-1", createdAt.AddSeconds(5), "Service", "AWS::ECS::Service", "CREATE_IN_PROGRESS", null),
                new($"Service-CREATE_IN_PROGRESS-2", createdAt.AddSeconds(6), "Service", "AWS::ECS::Service", "CREATE_IN_PROGRESS", "Resource creation Initiated"),
                new($"Service-CREATE_COMPLETE-3", createdAt + CreateDuration - TimeSpan.FromSeconds(5), "Service", "AWS::ECS::Service", "CREATE_COMPLETE", null),
                new($"{name}-CREATE_COMPLETE-4", createdAt + CreateDuration, name, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null),
            };
            if (_deleteStartedAt is { } deleting)
            {
                all.Add(new($"{name}-DELETE_IN_PROGRESS-5", deleting, name, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated"));
            }

            return all.Where(e => e.At <= now).OrderByDescending(e => e.At).ToList();
        }
    }
}
