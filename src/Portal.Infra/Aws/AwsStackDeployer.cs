using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.Runtime;
using DomainStackEvent = Portal.Domain.Cloud.StackEvent;
using DomainStackSummary = Portal.Domain.Cloud.StackSummary;

namespace Portal.Infra.Aws;

/// <summary><see cref="IStackDeployer"/> on CloudFormation.</summary>
internal sealed class AwsStackDeployer(
    IAwsClientFactory<IAmazonCloudFormation> clients,
    IOptions<AwsOptions> options,
    ILogger<AwsStackDeployer> logger) : IStackDeployer
{
    /// <summary>How many pages of events to read at most (100 events a page).</summary>
    internal const int MaxEventPages = 10;

    /// <summary>Every stack status but DELETE_COMPLETE (botocore's StackStatus enum): ListStacks filters on the statuses it is given.</summary>
    internal static readonly IReadOnlyList<string> ListedStatuses =
    [
        "CREATE_IN_PROGRESS", "CREATE_FAILED", "CREATE_COMPLETE",
        "ROLLBACK_IN_PROGRESS", "ROLLBACK_FAILED", "ROLLBACK_COMPLETE",
        "DELETE_IN_PROGRESS", "DELETE_FAILED",
        "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_COMPLETE", "UPDATE_FAILED",
        "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_FAILED", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE",
        "REVIEW_IN_PROGRESS",
        "IMPORT_IN_PROGRESS", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_IN_PROGRESS", "IMPORT_ROLLBACK_FAILED", "IMPORT_ROLLBACK_COMPLETE",
    ];

    public async Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value.CloudFormation;
        var client = clients.ForRegion(request.Region);
        var token = AwsNaming.ClientRequestToken(
            request.ClientRequestToken, request.StackName, "create", request.Template, request.Region.Value);
        var create = new CreateStackRequest
        {
            StackName = request.StackName,
            TemplateURL = TemplateUrl(request.Template),
            Parameters = request.Parameters.Select(p => new Parameter { ParameterKey = p.Key, ParameterValue = p.Value }).ToList(),
            Tags = AwsNaming.WithManagedTag(request.Tags).Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            Capabilities = settings.EffectiveCapabilities,
            OnFailure = settings.OnFailure,
            RoleARN = string.IsNullOrWhiteSpace(settings.RoleArn) ? null : settings.RoleArn,
            TimeoutInMinutes = request.TimeoutInMinutes ?? settings.TimeoutInMinutes,
            ClientRequestToken = token,
        };

        try
        {
            var response = await client.CreateStackAsync(create, cancellationToken);
            return new CreateOutcome(response.StackId ?? request.StackName, AlreadyExisted: false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "AlreadyExistsException")
        {
            return await ExistingStackAsync(client, request, token, ex, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, ex.ErrorCode switch
            {
                "LimitExceededException" =>
                    $"Your account's CloudFormation limits in {request.Region} are reached: {ex.Message} Delete stacks you no longer need, or ask for a higher quota.",
                "InsufficientCapabilitiesException" =>
                    $"The {request.Template} template needs a capability the portal does not grant: {ex.Message} Set Aws:CloudFormation:Capabilities.",
                "TokenAlreadyExistsException" =>
                    $"The request token {token} was already used for a different CloudFormation request in {request.Region}.",
                "ValidationError" => $"CloudFormation rejected stack {request.StackName} in {request.Region}: {ex.Message}",
                _ => null,
            });
        }
    }

    public async Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var stack = await DescribeAsync(clients.ForRegion(region), stackName, cancellationToken);
            if (stack is null || stack.StackStatus == StackStatuses.DeleteComplete)
            {
                return null;
            }

            return new StackDescription(
                stack.StackId ?? stackName,
                stack.StackName ?? stackName,
                stack.StackStatus ?? "UNKNOWN",
                stack.StackStatusReason,
                new DateTimeOffset(DateTime.SpecifyKind(stack.CreationTime ?? DateTime.UnixEpoch, DateTimeKind.Utc)),
                (stack.Outputs ?? []).Where(o => o.OutputKey is not null)
                    .ToDictionary(o => o.OutputKey!, o => o.OutputValue ?? string.Empty, StringComparer.Ordinal));
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    public async Task<IReadOnlyList<DomainStackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        var client = clients.ForRegion(region);
        var events = new List<DomainStackEvent>();
        string? nextToken = null;
        try
        {
            for (var page = 0; page < MaxEventPages; page++)
            {
                var response = await client.DescribeStackEventsAsync(
                    new DescribeStackEventsRequest { StackName = stackName, NextToken = nextToken }, cancellationToken);
                events.AddRange(response.StackEvents.Select(e => new DomainStackEvent(
                    e.EventId ?? string.Empty,
                    new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp ?? DateTime.UnixEpoch, DateTimeKind.Utc)),
                    e.LogicalResourceId ?? string.Empty,
                    e.ResourceType ?? string.Empty,
                    e.ResourceStatus ?? string.Empty,
                    e.ResourceStatusReason)));
                nextToken = response.NextToken;
                if (string.IsNullOrEmpty(nextToken))
                {
                    break;
                }
            }
        }
        catch (AwsServiceException ex) when (IsStackMissing(ex))
        {
            return [];
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }

        return events;
    }

    public async Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken)
    {
        var token = AwsNaming.ClientRequestToken(clientRequestToken, stackName, "delete", region.Value);
        try
        {
            await clients.ForRegion(region).DeleteStackAsync(
                new DeleteStackRequest { StackName = stackName, ClientRequestToken = token }, cancellationToken);
        }
        catch (AwsServiceException ex) when (IsStackMissing(ex))
        {
            // CloudFormation itself treats deleting a missing stack as success; some endpoints answer ValidationError.
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    /// <remarks>
    /// ListStacks carries no tags, so each stack it lists under the prefix is described (by id, which names this very
    /// stack even if its name has been reused since) for them; one deleted in between is left out.
    /// </remarks>
    public async Task<IReadOnlyList<DomainStackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        var client = clients.ForRegion(region);
        var stacks = new List<DomainStackSummary>();
        try
        {
            await foreach (var summary in client.ListAllStacksAsync(new ListStacksRequest { StackStatusFilter = ListedStatuses }, cancellationToken))
            {
                if (summary.StackName?.StartsWith(namePrefix, StringComparison.Ordinal) != true
                    || summary.StackStatus == StackStatuses.DeleteComplete)
                {
                    continue;
                }

                var stack = await DescribeAsync(client, summary.StackId ?? summary.StackName, cancellationToken);
                if (stack is null || stack.StackStatus == StackStatuses.DeleteComplete)
                {
                    continue;
                }

                stacks.Add(new DomainStackSummary(
                    stack.StackId ?? summary.StackId ?? summary.StackName,
                    stack.StackName ?? summary.StackName,
                    stack.StackStatus ?? summary.StackStatus ?? "UNKNOWN",
                    Utc(stack.CreationTime ?? summary.CreationTime),
                    (stack.Tags ?? []).Where(t => t.Key is not null)
                        .GroupBy(t => t.Key!, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal)));
            }
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }

        return stacks;
    }

    /// <summary>CloudFormation's "Stack with id X does not exist" (a ValidationError, HTTP 400).</summary>
    internal static bool IsStackMissing(AwsServiceException ex) =>
        ex.ErrorCode == "ValidationError" && ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The name is taken: by our own earlier create (same token, found in the stack's events), which is a retry that
    /// succeeded, or by another request, which the user must hear about. A failure while looking is translated too.
    /// </summary>
    private async Task<CreateOutcome> ExistingStackAsync(
        IAmazonCloudFormation client, StackCreateRequest request, string token, AwsServiceException alreadyExists, CancellationToken cancellationToken)
    {
        Stack? existing;
        bool ours;
        try
        {
            existing = await DescribeAsync(client, request.StackName, cancellationToken);
            ours = existing is not null && await WasCreatedWithAsync(client, request.StackName, token, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }

        if (ours)
        {
            AwsLog.AlreadyExisted(logger, "Stack", request.StackName, request.Region.Value);
            return new CreateOutcome(existing!.StackId ?? request.StackName, AlreadyExisted: true);
        }

        throw Fail(alreadyExists, $"A stack named {request.StackName} already exists in {request.Region} and was not started by this "
            + "launch. Delete it in the CloudFormation console, or launch a new session.");
    }

    private static async Task<Stack?> DescribeAsync(IAmazonCloudFormation client, string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, cancellationToken);
            return response.Stacks.Count > 0 ? response.Stacks[0] : null;
        }
        catch (AwsServiceException ex) when (IsStackMissing(ex))
        {
            return null;
        }
    }

    private static async Task<bool> WasCreatedWithAsync(IAmazonCloudFormation client, string stackName, string token, CancellationToken cancellationToken)
    {
        string? nextToken = null;
        for (var page = 0; page < MaxEventPages; page++)
        {
            var response = await client.DescribeStackEventsAsync(
                new DescribeStackEventsRequest { StackName = stackName, NextToken = nextToken }, cancellationToken);
            if (response.StackEvents.Any(e => e.ClientRequestToken == token))
            {
                return true;
            }

            nextToken = response.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                return false;
            }
        }

        return false;
    }

    private static DateTimeOffset Utc(DateTime? time) =>
        new(DateTime.SpecifyKind(time ?? DateTime.UnixEpoch, DateTimeKind.Utc));

    private string TemplateUrl(string template)
    {
        var baseUrl = options.Value.TemplatesBaseUrl?.ToString().TrimEnd('/')
            ?? throw new InvalidOperationException("Aws:TemplatesBaseUrl is not set.");
        return $"{baseUrl}/{Uri.EscapeDataString(template)}.template.json";
    }

    private CloudOperationException Fail(AwsServiceException ex, string? message)
    {
        AwsLog.OperationFailed(logger, ex.Operation, ex.Region, ex.ErrorCode, ex.RequestId);
        return AwsErrorTranslator.Translate(ex, message);
    }
}
