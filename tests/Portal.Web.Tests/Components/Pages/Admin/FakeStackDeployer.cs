using System.Collections.Concurrent;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Web.Tests.Components.Pages.Admin;

/// <summary>
/// Stacks in a dictionary, moved on by the test (<see cref="SetStatus"/>); the real control plane is tested in
/// Portal.Infra.Tests against the sandbox cloud.
/// </summary>
internal sealed class FakeStackDeployer(TimeProvider clock) : IStackDeployer
{
    private readonly ConcurrentDictionary<(RegionCode, string), Stack> _stacks = new();

    public ConcurrentQueue<StackCreateRequest> Creates { get; } = new();

    public ConcurrentQueue<(RegionCode Region, string StackName)> Deletes { get; } = new();

    public Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken)
    {
        Creates.Enqueue(request);
        var added = _stacks.TryAdd((request.Region, request.StackName), new Stack(clock.GetUtcNow()) { Tags = request.Tags });
        if (added)
        {
            SetStatus(request.Region, request.StackName, StackStatuses.CreateInProgress, "User Initiated");
        }

        return Task.FromResult(new CreateOutcome($"arn:{request.StackName}", AlreadyExisted: !added));
    }

    public Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken) =>
        Task.FromResult(_stacks.TryGetValue((region, stackName), out var stack)
            ? new StackDescription($"arn:{stackName}", stackName, stack.Status, null, stack.CreatedAt, new Dictionary<string, string>())
            : null);

    public Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StackEvent>>(_stacks.TryGetValue((region, stackName), out var stack) ? [.. stack.Events.Reverse()] : []);

    public Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken)
    {
        Deletes.Enqueue((region, stackName));
        SetStatus(region, stackName, StackStatuses.DeleteInProgress, "User Initiated");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StackSummary>>([.. _stacks
            .Where(s => s.Key.Item1 == region && s.Key.Item2.StartsWith(namePrefix, StringComparison.Ordinal) && !StackStatuses.IsDeleted(s.Value.Status))
            .Select(s => new StackSummary($"arn:{s.Key.Item2}", s.Key.Item2, s.Value.Status, s.Value.CreatedAt, s.Value.Tags))]);

    /// <summary>Moves a stack on (creating it when needed), with a stack-level event.</summary>
    public void SetStatus(RegionCode region, string stackName, string status, string? reason = null)
    {
        var stack = _stacks.GetOrAdd((region, stackName), _ => new Stack(clock.GetUtcNow()));
        stack.Status = status;
        stack.Events.Enqueue(new StackEvent(Guid.NewGuid().ToString(), clock.GetUtcNow(), stackName, "AWS::CloudFormation::Stack", status, reason));
    }

    /// <summary>Adds a resource event, as CloudFormation reports one resource's progress.</summary>
    public void AddEvent(RegionCode region, string stackName, string logicalId, string type, string status, string? reason = null) =>
        _stacks[(region, stackName)].Events.Enqueue(new StackEvent(Guid.NewGuid().ToString(), clock.GetUtcNow(), logicalId, type, status, reason));

    private sealed class Stack(DateTimeOffset createdAt)
    {
        public DateTimeOffset CreatedAt { get; } = createdAt;

        public string Status { get; set; } = StackStatuses.CreateInProgress;

        public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

        public ConcurrentQueue<StackEvent> Events { get; } = new();
    }
}
