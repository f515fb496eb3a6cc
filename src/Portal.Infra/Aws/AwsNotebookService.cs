using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using DomainNotebookInstanceSummary = Portal.Domain.Cloud.NotebookInstanceSummary;

namespace Portal.Infra.Aws;

/// <summary><see cref="INotebookService"/> on SageMaker notebook instances.</summary>
internal sealed partial class AwsNotebookService(
    IAwsClientFactory<IAmazonSageMaker> clients,
    IOptions<AwsOptions> options,
    ILogger<AwsNotebookService> logger) : INotebookService
{
    /// <summary>SageMaker's bounds for <c>SessionExpirationDurationInSeconds</c>.</summary>
    internal const int MinSessionSeconds = 1800;
    internal const int MaxSessionSeconds = 43200;

    /// <summary>The most ListNotebookInstances returns in one page.</summary>
    internal const int ListPageSize = 100;

    /// <summary>The least ListTags accepts as MaxResults; a resource has at most 50 tags, so one page holds them all.</summary>
    internal const int TagsPageSize = 50;

    public async Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value.Notebook;
        var client = clients.ForRegion(request.Region);
        var tags = AwsNaming.WithManagedTag(request.Tags).Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        var lifecycleConfigName = AwsNaming.LifecycleConfigName(request.InstanceName);
        var content = NotebookLifecycleScript.BuildContent(request.Notebook);
        var onStart = await SharedOnStartAsync(client, request.Region, settings.SharedLifecycleConfigName, cancellationToken);

        try
        {
            await client.CreateNotebookInstanceLifecycleConfigAsync(
                new CreateNotebookInstanceLifecycleConfigRequest
                {
                    NotebookInstanceLifecycleConfigName = lifecycleConfigName,
                    OnCreate = [new NotebookInstanceLifecycleHook { Content = content }],
                    OnStart = onStart,
                    Tags = tags,
                },
                cancellationToken);
        }
        catch (AwsServiceException ex) when (IsDuplicate(ex))
        {
            // Left by an earlier attempt of this same step: the script is derived from the same notebook.
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, LimitMessage(ex, request));
        }

        try
        {
            var response = await client.CreateNotebookInstanceAsync(
                new CreateNotebookInstanceRequest
                {
                    NotebookInstanceName = request.InstanceName,
                    InstanceType = request.InstanceType,
                    RoleArn = settings.RoleArn,
                    SubnetId = Blank(settings.SubnetId),
                    SecurityGroupIds = settings.SecurityGroupIds is { Count: > 0 } groups ? groups : null,
                    KmsKeyId = Blank(settings.KmsKeyId),
                    Tags = tags,
                    LifecycleConfigName = lifecycleConfigName,
                    DirectInternetAccess = settings.DirectInternetAccess,
                    VolumeSizeInGB = settings.VolumeSizeInGB,
                    RootAccess = settings.RootAccess,
                    PlatformIdentifier = Blank(settings.PlatformIdentifier),
                },
                cancellationToken);
            return new CreateOutcome(response.NotebookInstanceArn ?? request.InstanceName, AlreadyExisted: false);
        }
        catch (AwsServiceException ex) when (IsDuplicate(ex))
        {
            var existing = await DescribeNotebookInstanceAsync(request.Region, request.InstanceName, cancellationToken);
            AwsLog.AlreadyExisted(logger, "Notebook instance", request.InstanceName, request.Region.Value);
            return new CreateOutcome(existing?.Arn ?? request.InstanceName, AlreadyExisted: true);
        }
        catch (AwsServiceException ex)
        {
            if ((int)ex.StatusCode is >= 400 and < 500)
            {
                // Refused (quota, validation, access): no instance uses the configuration made for it. A timeout or a
                // 5xx leaves it, as the instance may exist; Describe removes it if the instance turns out not to.
                await DeleteLifecycleConfigAsync(client, request.Region, request.InstanceName, cancellationToken);
            }

            throw Fail(ex, LimitMessage(ex, request));
        }
    }

    /// <remarks>
    /// Finding the instance gone is also when its lifecycle configuration is removed: SageMaker keeps a configuration
    /// while an instance (even a Deleting one) uses it, and the caller's passes describe an instance until it is gone.
    /// </remarks>
    public async Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(
        RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        var client = clients.ForRegion(region);
        try
        {
            var response = await client.DescribeNotebookInstanceAsync(
                new DescribeNotebookInstanceRequest { NotebookInstanceName = instanceName }, cancellationToken);
            return new NotebookInstanceDescription(
                response.NotebookInstanceName ?? instanceName,
                response.NotebookInstanceArn ?? string.Empty,
                response.NotebookInstanceStatus ?? "Unknown",
                response.FailureReason);
        }
        catch (AwsServiceException ex) when (IsRecordNotFound(ex))
        {
            await DeleteLifecycleConfigAsync(client, region, instanceName, cancellationToken);
            return null;
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    public async Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(sessionExpiry.TotalSeconds), MinSessionSeconds, MaxSessionSeconds);
        try
        {
            var response = await clients.ForRegion(region).CreatePresignedNotebookInstanceUrlAsync(
                new CreatePresignedNotebookInstanceUrlRequest
                {
                    NotebookInstanceName = instanceName,
                    SessionExpirationDurationInSeconds = seconds,
                },
                cancellationToken);
            return Uri.TryCreate(response.AuthorizedUrl, UriKind.Absolute, out var url)
                ? url
                : throw new CloudOperationException(
                    "MalformedResponse", $"SageMaker returned no usable sign-in URL for {instanceName} in {region}.", response.ResponseMetadata.RequestId);
        }
        catch (AwsServiceException ex) when (IsRecordNotFound(ex))
        {
            throw Fail(ex, $"The notebook instance {instanceName} does not exist in {region}.");
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    public async Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        // Look first. SageMaker stops only an InService instance: a Pending one cannot be stopped yet, and the caller's
        // next pass, which finds it InService, stops it; Stopping, Stopped, Failed and Deleting ones need nothing (as in
        // the sandbox). And the IAM policy grants Stop only on instances tagged for the portal, so a missing instance
        // would answer AccessDenied rather than RecordNotFound.
        var description = await DescribeNotebookInstanceAsync(region, instanceName, cancellationToken);
        if (description?.Status != NotebookStatuses.InService)
        {
            return;
        }

        try
        {
            await clients.ForRegion(region).StopNotebookInstanceAsync(
                new StopNotebookInstanceRequest { NotebookInstanceName = instanceName }, cancellationToken);
        }
        catch (AwsServiceException ex) when (IsRecordNotFound(ex) || IsRefusedTransition(ex))
        {
            // Gone, or no longer InService since we looked (stopping or deleting already): the next pass sees which.
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    public async Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        var client = clients.ForRegion(region);
        var description = await DescribeNotebookInstanceAsync(region, instanceName, cancellationToken);
        switch (description?.Status)
        {
            case null:
                // Already gone (and Delete is granted on tagged instances only, so it would answer AccessDenied); the
                // look removed its lifecycle configuration.
                return;
            case NotebookStatuses.Deleting:
                return;
            case NotebookStatuses.Stopped or NotebookStatuses.Failed:
                break;
            default:
                throw new CloudOperationException(
                    "ValidationException",
                    $"The notebook instance {instanceName} in {region} is {description.Status}: SageMaker deletes only a Stopped or Failed "
                    + "instance. Stop it first.");
        }

        try
        {
            await client.DeleteNotebookInstanceAsync(new DeleteNotebookInstanceRequest { NotebookInstanceName = instanceName }, cancellationToken);
        }
        catch (AwsServiceException ex) when (IsRecordNotFound(ex) || (IsRefusedTransition(ex) && ex.Message.Contains("Status (Deleting)", StringComparison.Ordinal)))
        {
            // Already gone, or already being deleted: deleting is idempotent.
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, ex.ErrorCode == "ValidationException"
                ? $"The notebook instance {instanceName} in {region} cannot be deleted yet: {ex.Message} Stop it first."
                : null);
        }

        // The lifecycle configuration stays while the instance is Deleting; Describe removes it once the instance is gone.
    }

    /// <remarks>
    /// SageMaker filters by a name that <em>contains</em> a string (of <c>[a-zA-Z0-9-]</c>); the prefix is checked here.
    /// ListNotebookInstances carries no tags, so each instance's are read with ListTags; one gone in between is left out.
    /// </remarks>
    public async Task<IReadOnlyList<DomainNotebookInstanceSummary>> ListNotebookInstancesAsync(
        RegionCode region, string namePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        var client = clients.ForRegion(region);
        var request = new ListNotebookInstancesRequest
        {
            NameContains = NameFilter().IsMatch(namePrefix) ? namePrefix : null,
            MaxResults = ListPageSize,
        };
        var instances = new List<DomainNotebookInstanceSummary>();
        try
        {
            await foreach (var summary in client.ListAllNotebookInstancesAsync(request, cancellationToken))
            {
                if (summary.NotebookInstanceName?.StartsWith(namePrefix, StringComparison.Ordinal) != true
                    || summary.NotebookInstanceArn is not { Length: > 0 } arn)
                {
                    continue;
                }

                var tags = await TagsAsync(client, arn, cancellationToken);
                if (tags is null)
                {
                    continue;
                }

                instances.Add(new DomainNotebookInstanceSummary(
                    summary.NotebookInstanceName,
                    arn,
                    summary.NotebookInstanceStatus ?? "Unknown",
                    new DateTimeOffset(DateTime.SpecifyKind(summary.CreationTime ?? DateTime.UnixEpoch, DateTimeKind.Utc)),
                    tags));
            }
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }

        return instances;
    }

    /// <summary>The resource's tags; null when it no longer exists.</summary>
    private static async Task<IReadOnlyDictionary<string, string>?> TagsAsync(IAmazonSageMaker client, string arn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var tag in client.ListAllTagsAsync(new ListTagsRequest { ResourceArn = arn, MaxResults = TagsPageSize }, cancellationToken))
            {
                if (tag.Key is not null)
                {
                    tags[tag.Key] = tag.Value ?? string.Empty;
                }
            }
        }
        catch (AwsServiceException ex) when (IsRecordNotFound(ex))
        {
            return null;
        }

        return tags;
    }

    private async Task DeleteLifecycleConfigAsync(IAmazonSageMaker client, RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        var lifecycleConfigName = AwsNaming.LifecycleConfigName(instanceName);
        try
        {
            await client.DeleteNotebookInstanceLifecycleConfigAsync(
                new DeleteNotebookInstanceLifecycleConfigRequest { NotebookInstanceLifecycleConfigName = lifecycleConfigName },
                cancellationToken);
        }
        catch (AwsServiceException ex) when (IsConfigMissing(ex))
        {
            // Never made, or removed on an earlier look.
        }
        catch (AwsServiceException ex)
        {
            // The script is only needed at creation; a leftover configuration costs nothing and blocks nothing.
            AwsLog.LifecycleConfigNotDeleted(logger, lifecycleConfigName, region.Value, ex.ErrorCode);
        }
    }

    /// <summary>The OnStart hooks of the shared configuration, to run on this instance too; null when none is configured.</summary>
    private async Task<IReadOnlyList<NotebookInstanceLifecycleHook>?> SharedOnStartAsync(
        IAmazonSageMaker client, RegionCode region, string? sharedName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sharedName))
        {
            return null;
        }

        try
        {
            var shared = await client.DescribeNotebookInstanceLifecycleConfigAsync(
                new DescribeNotebookInstanceLifecycleConfigRequest { NotebookInstanceLifecycleConfigName = sharedName }, cancellationToken);
            return shared.OnStart is { Count: > 0 } hooks ? hooks : null;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "ValidationException")
        {
            throw Fail(ex, $"The lifecycle configuration {sharedName} (Aws:Notebook:SharedLifecycleConfigName) does not exist in {region}: "
                + "deploy the HomeFoundation stack there, or clear the setting.");
        }
        catch (AwsServiceException ex)
        {
            throw Fail(ex, null);
        }
    }

    /// <summary>SageMaker answers a missing notebook instance with ValidationException "RecordNotFound".</summary>
    internal static bool IsRecordNotFound(AwsServiceException ex) =>
        ex.ErrorCode is "ValidationException" or "ResourceNotFound"
        && (ex.Message.Contains("RecordNotFound", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase));

    /// <summary>SageMaker's refusal of a status change: "Status (Pending) not in ([InService]). Unable to transition to (Stopping) …".</summary>
    internal static bool IsRefusedTransition(AwsServiceException ex) =>
        ex.ErrorCode == "ValidationException" && ex.Message.Contains("Unable to transition", StringComparison.OrdinalIgnoreCase);

    /// <summary>SageMaker answers a missing lifecycle configuration with ValidationException "Unable to describe …".</summary>
    internal static bool IsConfigMissing(AwsServiceException ex) =>
        ex.ErrorCode is "ValidationException" or "ResourceNotFound"
        && (ex.Message.Contains("Unable to describe", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase));

    internal static bool IsDuplicate(AwsServiceException ex) =>
        ex.ErrorCode == "ResourceInUse"
        || (ex.ErrorCode == "ValidationException"
            && (ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                || ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)));

    private static string? LimitMessage(AwsServiceException ex, NotebookInstanceRequest request) =>
        ex.ErrorCode == "ResourceLimitExceeded"
            ? $"Your account's quota for {request.InstanceType} notebook instances in {request.Region} is reached. "
              + "Stop or delete a notebook instance you no longer use, or ask for a higher quota in Service Quotas."
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>What SageMaker accepts as <c>NameContains</c>.</summary>
    [GeneratedRegex("^[a-zA-Z0-9-]{1,63}$")]
    private static partial Regex NameFilter();

    private CloudOperationException Fail(AwsServiceException ex, string? message)
    {
        AwsLog.OperationFailed(logger, ex.Operation, ex.Region, ex.ErrorCode, ex.RequestId);
        return AwsErrorTranslator.Translate(ex, message);
    }
}
