using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.SageMaker;

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

/// <summary>A lifecycle script; <see cref="Content"/> is the script, base64-encoded, at most 16384 characters.</summary>
public sealed class NotebookInstanceLifecycleHook
{
    public const int MaxContentLength = 16384;

    public string? Content { get; set; }
}

public sealed class CreateNotebookInstanceLifecycleConfigRequest
{
    public string? NotebookInstanceLifecycleConfigName { get; set; }

    public IReadOnlyList<NotebookInstanceLifecycleHook>? OnCreate { get; set; }

    public IReadOnlyList<NotebookInstanceLifecycleHook>? OnStart { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }
}

public sealed class CreateNotebookInstanceLifecycleConfigResponse : AmazonWebServiceResponse
{
    public string? NotebookInstanceLifecycleConfigArn { get; set; }
}

public sealed class DescribeNotebookInstanceLifecycleConfigRequest
{
    public string? NotebookInstanceLifecycleConfigName { get; set; }
}

public sealed class DescribeNotebookInstanceLifecycleConfigResponse : AmazonWebServiceResponse
{
    public string? NotebookInstanceLifecycleConfigArn { get; set; }

    public string? NotebookInstanceLifecycleConfigName { get; set; }

    public IReadOnlyList<NotebookInstanceLifecycleHook>? OnCreate { get; set; }

    public IReadOnlyList<NotebookInstanceLifecycleHook>? OnStart { get; set; }

    public DateTime? LastModifiedTime { get; set; }

    public DateTime? CreationTime { get; set; }
}

public sealed class DeleteNotebookInstanceLifecycleConfigRequest
{
    public string? NotebookInstanceLifecycleConfigName { get; set; }
}

public sealed class DeleteNotebookInstanceLifecycleConfigResponse : AmazonWebServiceResponse;

public sealed class CreateNotebookInstanceRequest
{
    public string? NotebookInstanceName { get; set; }

    public string? InstanceType { get; set; }

    public string? SubnetId { get; set; }

    public IReadOnlyList<string>? SecurityGroupIds { get; set; }

    public string? RoleArn { get; set; }

    public string? KmsKeyId { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public string? LifecycleConfigName { get; set; }

    /// <summary>Enabled or Disabled.</summary>
    public string? DirectInternetAccess { get; set; }

    public int? VolumeSizeInGB { get; set; }

    /// <summary>Enabled or Disabled.</summary>
    public string? RootAccess { get; set; }

    public string? PlatformIdentifier { get; set; }
}

public sealed class CreateNotebookInstanceResponse : AmazonWebServiceResponse
{
    public string? NotebookInstanceArn { get; set; }
}

public sealed class DescribeNotebookInstanceRequest
{
    public string? NotebookInstanceName { get; set; }
}

public sealed class DescribeNotebookInstanceResponse : AmazonWebServiceResponse
{
    public string? NotebookInstanceArn { get; set; }

    public string? NotebookInstanceName { get; set; }

    public string? NotebookInstanceStatus { get; set; }

    public string? FailureReason { get; set; }

    public string? Url { get; set; }

    public string? InstanceType { get; set; }

    public string? SubnetId { get; set; }

    public IReadOnlyList<string>? SecurityGroups { get; set; }

    public string? RoleArn { get; set; }

    public string? KmsKeyId { get; set; }

    public string? NetworkInterfaceId { get; set; }

    public DateTime? LastModifiedTime { get; set; }

    public DateTime? CreationTime { get; set; }

    public string? NotebookInstanceLifecycleConfigName { get; set; }

    public string? DirectInternetAccess { get; set; }

    public int? VolumeSizeInGB { get; set; }

    public string? RootAccess { get; set; }

    public string? PlatformIdentifier { get; set; }
}

public sealed class StartNotebookInstanceRequest
{
    public string? NotebookInstanceName { get; set; }
}

public sealed class StartNotebookInstanceResponse : AmazonWebServiceResponse;

public sealed class StopNotebookInstanceRequest
{
    public string? NotebookInstanceName { get; set; }
}

public sealed class StopNotebookInstanceResponse : AmazonWebServiceResponse;

public sealed class DeleteNotebookInstanceRequest
{
    public string? NotebookInstanceName { get; set; }
}

public sealed class DeleteNotebookInstanceResponse : AmazonWebServiceResponse;

public sealed class CreatePresignedNotebookInstanceUrlRequest
{
    public string? NotebookInstanceName { get; set; }

    /// <summary>1800 to 43200 seconds.</summary>
    public int? SessionExpirationDurationInSeconds { get; set; }
}

public sealed class CreatePresignedNotebookInstanceUrlResponse : AmazonWebServiceResponse
{
    public string? AuthorizedUrl { get; set; }
}

public sealed class ListNotebookInstancesRequest
{
    public string? NextToken { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }

    /// <summary>Name, CreationTime or Status.</summary>
    public string? SortBy { get; set; }

    /// <summary>Ascending or Descending.</summary>
    public string? SortOrder { get; set; }

    /// <summary>Only instances whose name contains this (<c>[a-zA-Z0-9-]+</c>, at most 63 characters).</summary>
    public string? NameContains { get; set; }
}

public sealed class ListNotebookInstancesResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<NotebookInstanceSummary>? NotebookInstances { get; set; }

    public string? NextToken { get; set; }
}

public sealed class NotebookInstanceSummary
{
    public string? NotebookInstanceName { get; set; }

    public string? NotebookInstanceArn { get; set; }

    public string? NotebookInstanceStatus { get; set; }

    public string? Url { get; set; }

    public string? InstanceType { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? LastModifiedTime { get; set; }

    public string? NotebookInstanceLifecycleConfigName { get; set; }
}

public sealed class ListTagsRequest
{
    public string? ResourceArn { get; set; }

    public string? NextToken { get; set; }

    /// <summary>At least 50.</summary>
    public int? MaxResults { get; set; }
}

public sealed class ListTagsResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<Tag>? Tags { get; set; }

    public string? NextToken { get; set; }
}
