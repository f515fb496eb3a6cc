using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.FSx;

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class Filter
{
    /// <summary>file-system-id, file-system-type, data-repository-type, …</summary>
    public string? Name { get; set; }

    public IReadOnlyList<string>? Values { get; set; }
}

public sealed class DescribeFileSystemsRequest
{
    public IReadOnlyList<string>? FileSystemIds { get; set; }

    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeFileSystemsResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<FileSystem>? FileSystems { get; set; }

    public string? NextToken { get; set; }
}

public sealed class FileSystem
{
    public string? OwnerId { get; set; }

    public DateTime? CreationTime { get; set; }

    public string? FileSystemId { get; set; }

    public string? FileSystemType { get; set; }

    /// <summary>AVAILABLE, CREATING, FAILED, DELETING, MISCONFIGURED, UPDATING, MISCONFIGURED_UNAVAILABLE.</summary>
    public string? Lifecycle { get; set; }

    public FailureDetails? FailureDetails { get; set; }

    public int? StorageCapacity { get; set; }

    public string? StorageType { get; set; }

    public string? VpcId { get; set; }

    public IReadOnlyList<string>? SubnetIds { get; set; }

    public string? DNSName { get; set; }

    public string? ResourceARN { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public LustreFileSystemConfiguration? LustreConfiguration { get; set; }

    public string? FileSystemTypeVersion { get; set; }
}

public sealed class LustreFileSystemConfiguration
{
    public string? DeploymentType { get; set; }

    public int? PerUnitStorageThroughput { get; set; }

    public string? MountName { get; set; }

    public string? DataCompressionType { get; set; }
}

public sealed class FailureDetails
{
    public string? Message { get; set; }
}

public sealed class DescribeDataRepositoryAssociationsRequest
{
    public IReadOnlyList<string>? AssociationIds { get; set; }

    public IReadOnlyList<Filter>? Filters { get; set; }

    /// <summary>1 to 25.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeDataRepositoryAssociationsResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<DataRepositoryAssociation>? Associations { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DataRepositoryAssociation
{
    public string? AssociationId { get; set; }

    public string? ResourceARN { get; set; }

    public string? FileSystemId { get; set; }

    /// <summary>CREATING, AVAILABLE, MISCONFIGURED, UPDATING, DELETING, FAILED.</summary>
    public string? Lifecycle { get; set; }

    public FailureDetails? FailureDetails { get; set; }

    public string? FileSystemPath { get; set; }

    public string? DataRepositoryPath { get; set; }

    public bool? BatchImportMetaDataOnCreate { get; set; }

    public int? ImportedFileChunkSize { get; set; }

    public S3DataRepositoryConfiguration? S3 { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public DateTime? CreationTime { get; set; }
}

public sealed class S3DataRepositoryConfiguration
{
    public AutoPolicy? AutoImportPolicy { get; set; }

    public AutoPolicy? AutoExportPolicy { get; set; }
}

/// <summary>The SDK's <c>AutoImportPolicy</c> / <c>AutoExportPolicy</c>: which S3 events to follow (NEW, CHANGED, DELETED).</summary>
public sealed class AutoPolicy
{
    public IReadOnlyList<string>? Events { get; set; }
}

public sealed class CreateDataRepositoryAssociationRequest
{
    public string? FileSystemId { get; set; }

    public string? FileSystemPath { get; set; }

    public string? DataRepositoryPath { get; set; }

    public bool? BatchImportMetaDataOnCreate { get; set; }

    public int? ImportedFileChunkSize { get; set; }

    public S3DataRepositoryConfiguration? S3 { get; set; }

    public string? ClientRequestToken { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }
}

public sealed class CreateDataRepositoryAssociationResponse : AmazonWebServiceResponse
{
    public DataRepositoryAssociation? Association { get; set; }
}
