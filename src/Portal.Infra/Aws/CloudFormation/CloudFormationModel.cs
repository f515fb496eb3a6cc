using System.Diagnostics.CodeAnalysis;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.CloudFormation;

/// <summary>Shaped like the SDK's <c>Amazon.CloudFormation.Model.Parameter</c>.</summary>
public sealed class Parameter
{
    public string? ParameterKey { get; set; }

    public string? ParameterValue { get; set; }

    public bool? UsePreviousValue { get; set; }

    public string? ResolvedValue { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class Output
{
    public string? OutputKey { get; set; }

    public string? OutputValue { get; set; }

    public string? Description { get; set; }

    public string? ExportName { get; set; }
}

public sealed class CreateStackRequest
{
    public string? StackName { get; set; }

    public string? TemplateBody { get; set; }

    public string? TemplateURL { get; set; }

    public IReadOnlyList<Parameter>? Parameters { get; set; }

    public bool? DisableRollback { get; set; }

    public int? TimeoutInMinutes { get; set; }

    public IReadOnlyList<string>? NotificationARNs { get; set; }

    public IReadOnlyList<string>? Capabilities { get; set; }

    public string? RoleARN { get; set; }

    /// <summary>DO_NOTHING, ROLLBACK or DELETE.</summary>
    public string? OnFailure { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public string? ClientRequestToken { get; set; }

    public bool? EnableTerminationProtection { get; set; }
}

public sealed class CreateStackResponse : AmazonWebServiceResponse
{
    public string? StackId { get; set; }
}

public sealed class UpdateStackRequest
{
    public string? StackName { get; set; }

    public string? TemplateBody { get; set; }

    public string? TemplateURL { get; set; }

    public bool? UsePreviousTemplate { get; set; }

    public IReadOnlyList<Parameter>? Parameters { get; set; }

    public IReadOnlyList<string>? Capabilities { get; set; }

    public string? RoleARN { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public string? ClientRequestToken { get; set; }
}

public sealed class UpdateStackResponse : AmazonWebServiceResponse
{
    public string? StackId { get; set; }
}

public sealed class DeleteStackRequest
{
    public string? StackName { get; set; }

    public IReadOnlyList<string>? RetainResources { get; set; }

    public string? RoleARN { get; set; }

    public string? ClientRequestToken { get; set; }
}

public sealed class DeleteStackResponse : AmazonWebServiceResponse;

public sealed class DescribeStacksRequest
{
    public string? StackName { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeStacksResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<Stack> Stacks { get; set; } = [];

    public string? NextToken { get; set; }
}

[SuppressMessage("Naming", "CA1711", Justification = "The SDK's name for the shape; kept so the official package can replace it.")]
public sealed class Stack
{
    public string? StackId { get; set; }

    public string? StackName { get; set; }

    public string? Description { get; set; }

    public IReadOnlyList<Parameter>? Parameters { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? DeletionTime { get; set; }

    public DateTime? LastUpdatedTime { get; set; }

    public string? StackStatus { get; set; }

    public string? StackStatusReason { get; set; }

    public bool? DisableRollback { get; set; }

    public IReadOnlyList<string>? Capabilities { get; set; }

    public IReadOnlyList<Output>? Outputs { get; set; }

    public string? RoleARN { get; set; }

    public IReadOnlyList<Tag>? Tags { get; set; }

    public bool? EnableTerminationProtection { get; set; }
}

public sealed class DescribeStackEventsRequest
{
    public string? StackName { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeStackEventsResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<StackEvent> StackEvents { get; set; } = [];

    public string? NextToken { get; set; }
}

public sealed class StackEvent
{
    public string? StackId { get; set; }

    public string? EventId { get; set; }

    public string? StackName { get; set; }

    public string? LogicalResourceId { get; set; }

    public string? PhysicalResourceId { get; set; }

    public string? ResourceType { get; set; }

    public DateTime? Timestamp { get; set; }

    public string? ResourceStatus { get; set; }

    public string? ResourceStatusReason { get; set; }

    public string? ClientRequestToken { get; set; }
}

public sealed class ListStacksRequest
{
    public string? NextToken { get; set; }

    public IReadOnlyList<string>? StackStatusFilter { get; set; }
}

public sealed class ListStacksResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<StackSummary> StackSummaries { get; set; } = [];

    public string? NextToken { get; set; }
}

public sealed class StackSummary
{
    public string? StackId { get; set; }

    public string? StackName { get; set; }

    public string? TemplateDescription { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? LastUpdatedTime { get; set; }

    public DateTime? DeletionTime { get; set; }

    public string? StackStatus { get; set; }

    public string? StackStatusReason { get; set; }
}
