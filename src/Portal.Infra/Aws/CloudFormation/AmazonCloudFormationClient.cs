using System.Xml.Linq;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.CloudFormation;

/// <summary>CloudFormation over the query protocol, for one region.</summary>
internal sealed class AmazonCloudFormationClient(AwsQueryTransport transport) : IAmazonCloudFormation
{
    public async Task<CreateStackResponse> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .Add("StackName", request.StackName)
            .Add("TemplateBody", request.TemplateBody)
            .Add("TemplateURL", request.TemplateURL)
            .AddList("Parameters", request.Parameters, WriteParameter)
            .Add("DisableRollback", request.DisableRollback)
            .Add("TimeoutInMinutes", request.TimeoutInMinutes)
            .AddList("NotificationARNs", request.NotificationARNs)
            .AddList("Capabilities", request.Capabilities)
            .Add("RoleARN", request.RoleARN)
            .Add("OnFailure", request.OnFailure)
            .AddList("Tags", request.Tags, WriteTag)
            .Add("ClientRequestToken", request.ClientRequestToken)
            .Add("EnableTerminationProtection", request.EnableTerminationProtection);
        var (result, info) = await transport.InvokeAsync("CreateStack", parameters, cancellationToken);
        return With(new CreateStackResponse { StackId = result.Text("StackId") }, info);
    }

    public async Task<UpdateStackResponse> UpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .Add("StackName", request.StackName)
            .Add("TemplateBody", request.TemplateBody)
            .Add("TemplateURL", request.TemplateURL)
            .Add("UsePreviousTemplate", request.UsePreviousTemplate)
            .AddList("Parameters", request.Parameters, WriteParameter)
            .AddList("Capabilities", request.Capabilities)
            .Add("RoleARN", request.RoleARN)
            .AddList("Tags", request.Tags, WriteTag)
            .Add("ClientRequestToken", request.ClientRequestToken);
        var (result, info) = await transport.InvokeAsync("UpdateStack", parameters, cancellationToken);
        return With(new UpdateStackResponse { StackId = result.Text("StackId") }, info);
    }

    public async Task<DeleteStackResponse> DeleteStackAsync(DeleteStackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .Add("StackName", request.StackName)
            .AddList("RetainResources", request.RetainResources)
            .Add("RoleARN", request.RoleARN)
            .Add("ClientRequestToken", request.ClientRequestToken);
        var (_, info) = await transport.InvokeAsync("DeleteStack", parameters, cancellationToken);
        return With(new DeleteStackResponse(), info);
    }

    public async Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters().Add("StackName", request.StackName).Add("NextToken", request.NextToken);
        var (result, info) = await transport.InvokeAsync("DescribeStacks", parameters, cancellationToken);
        return With(CloudFormationXml.DescribeStacks(result), info);
    }

    public async Task<DescribeStackEventsResponse> DescribeStackEventsAsync(
        DescribeStackEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters().Add("StackName", request.StackName).Add("NextToken", request.NextToken);
        var (result, info) = await transport.InvokeAsync("DescribeStackEvents", parameters, cancellationToken);
        return With(CloudFormationXml.DescribeStackEvents(result), info);
    }

    public async Task<ListStacksResponse> ListStacksAsync(ListStacksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .Add("NextToken", request.NextToken)
            .AddList("StackStatusFilter", request.StackStatusFilter);
        var (result, info) = await transport.InvokeAsync("ListStacks", parameters, cancellationToken);
        return With(CloudFormationXml.ListStacks(result), info);
    }

    private static void WriteParameter(QueryParameters form, string prefix, Parameter parameter) =>
        form.Add(prefix + ".ParameterKey", parameter.ParameterKey)
            .Add(prefix + ".ParameterValue", parameter.ParameterValue)
            .Add(prefix + ".UsePreviousValue", parameter.UsePreviousValue)
            .Add(prefix + ".ResolvedValue", parameter.ResolvedValue);

    private static void WriteTag(QueryParameters form, string prefix, Tag tag) =>
        form.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value);

    private static T With<T>(T response, QueryResponseInfo info)
        where T : AmazonWebServiceResponse
    {
        response.HttpStatusCode = info.StatusCode;
        response.ResponseMetadata = new ResponseMetadata { RequestId = info.RequestId };
        return response;
    }
}

/// <summary>Reads CloudFormation's XML answers into the SDK-shaped model.</summary>
internal static class CloudFormationXml
{
    public static DescribeStacksResponse DescribeStacks(XElement result) => new()
    {
        Stacks = result.Members("Stacks").Select(Stack).ToList(),
        NextToken = result.Text("NextToken"),
    };

    public static DescribeStackEventsResponse DescribeStackEvents(XElement result) => new()
    {
        StackEvents = result.Members("StackEvents").Select(StackEvent).ToList(),
        NextToken = result.Text("NextToken"),
    };

    public static ListStacksResponse ListStacks(XElement result) => new()
    {
        StackSummaries = result.Members("StackSummaries").Select(StackSummary).ToList(),
        NextToken = result.Text("NextToken"),
    };

    public static Stack Stack(XElement e) => new()
    {
        StackId = e.Text("StackId"),
        StackName = e.Text("StackName"),
        Description = e.Text("Description"),
        Parameters = e.List("Parameters", p => new Parameter
        {
            ParameterKey = p.Text("ParameterKey"),
            ParameterValue = p.Text("ParameterValue"),
            UsePreviousValue = p.Bool("UsePreviousValue"),
            ResolvedValue = p.Text("ResolvedValue"),
        }),
        CreationTime = e.Time("CreationTime"),
        DeletionTime = e.Time("DeletionTime"),
        LastUpdatedTime = e.Time("LastUpdatedTime"),
        StackStatus = e.Text("StackStatus"),
        StackStatusReason = e.Text("StackStatusReason"),
        DisableRollback = e.Bool("DisableRollback"),
        Capabilities = e.List("Capabilities", c => c.Value),
        Outputs = e.List("Outputs", o => new Output
        {
            OutputKey = o.Text("OutputKey"),
            OutputValue = o.Text("OutputValue"),
            Description = o.Text("Description"),
            ExportName = o.Text("ExportName"),
        }),
        RoleARN = e.Text("RoleARN"),
        Tags = e.List("Tags", t => new Tag { Key = t.Text("Key"), Value = t.Text("Value") }),
        EnableTerminationProtection = e.Bool("EnableTerminationProtection"),
    };

    public static StackEvent StackEvent(XElement e) => new()
    {
        StackId = e.Text("StackId"),
        EventId = e.Text("EventId"),
        StackName = e.Text("StackName"),
        LogicalResourceId = e.Text("LogicalResourceId"),
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType"),
        Timestamp = e.Time("Timestamp"),
        ResourceStatus = e.Text("ResourceStatus"),
        ResourceStatusReason = e.Text("ResourceStatusReason"),
        ClientRequestToken = e.Text("ClientRequestToken"),
    };

    public static StackSummary StackSummary(XElement e) => new()
    {
        StackId = e.Text("StackId"),
        StackName = e.Text("StackName"),
        TemplateDescription = e.Text("TemplateDescription"),
        CreationTime = e.Time("CreationTime"),
        LastUpdatedTime = e.Time("LastUpdatedTime"),
        DeletionTime = e.Time("DeletionTime"),
        StackStatus = e.Text("StackStatus"),
        StackStatusReason = e.Text("StackStatusReason"),
    };
}
