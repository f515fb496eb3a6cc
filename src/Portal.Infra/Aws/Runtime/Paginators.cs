using System.Runtime.CompilerServices;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.Pricing;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Aws.ServiceQuotas;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// NextToken loops over the paged operations (the counterpart of the SDK's <c>client.Paginators</c>). Each stops after
/// <see cref="MaxPages"/> pages so a service that keeps handing out tokens cannot loop the portal forever.
/// </summary>
public static class Paginators
{
    public const int MaxPages = 100;

    public static async IAsyncEnumerable<StackSummary> ListAllStacksAsync(
        this IAmazonCloudFormation client, ListStacksRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.ListStacksAsync(
                new ListStacksRequest { StackStatusFilter = request.StackStatusFilter, NextToken = token }, cancellationToken);
            foreach (var summary in response.StackSummaries)
            {
                yield return summary;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }

    public static async IAsyncEnumerable<CloudFormation.StackEvent> DescribeAllStackEventsAsync(
        this IAmazonCloudFormation client, DescribeStackEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.DescribeStackEventsAsync(
                new DescribeStackEventsRequest { StackName = request.StackName, NextToken = token }, cancellationToken);
            foreach (var stackEvent in response.StackEvents)
            {
                yield return stackEvent;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }

    /// <summary>Every product document (<see cref="GetProductsResponse.PriceList"/> items) that matches the filters.</summary>
    public static async IAsyncEnumerable<string> GetAllProductsAsync(
        this IAmazonPricing client, GetProductsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.GetProductsAsync(
                new GetProductsRequest
                {
                    ServiceCode = request.ServiceCode,
                    Filters = request.Filters,
                    FormatVersion = request.FormatVersion,
                    MaxResults = request.MaxResults,
                    NextToken = token,
                },
                cancellationToken);
            foreach (var product in response.PriceList ?? [])
            {
                yield return product;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }

    public static async IAsyncEnumerable<ServiceQuota> ListAllServiceQuotasAsync(
        this IAmazonServiceQuotas client, ListServiceQuotasRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.ListServiceQuotasAsync(
                new ListServiceQuotasRequest
                {
                    ServiceCode = request.ServiceCode,
                    QuotaCode = request.QuotaCode,
                    QuotaAppliedAtLevel = request.QuotaAppliedAtLevel,
                    MaxResults = request.MaxResults,
                    NextToken = token,
                },
                cancellationToken);
            foreach (var quota in response.Quotas ?? [])
            {
                yield return quota;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }

    /// <summary>Every notebook instance that matches the request's filter, in the request's sort order.</summary>
    public static async IAsyncEnumerable<NotebookInstanceSummary> ListAllNotebookInstancesAsync(
        this IAmazonSageMaker client, ListNotebookInstancesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.ListNotebookInstancesAsync(
                new ListNotebookInstancesRequest
                {
                    NameContains = request.NameContains,
                    SortBy = request.SortBy,
                    SortOrder = request.SortOrder,
                    MaxResults = request.MaxResults,
                    NextToken = token,
                },
                cancellationToken);
            foreach (var instance in response.NotebookInstances ?? [])
            {
                yield return instance;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }

    /// <summary>Every tag of one SageMaker resource.</summary>
    public static async IAsyncEnumerable<SageMaker.Tag> ListAllTagsAsync(
        this IAmazonSageMaker client, ListTagsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        string? token = request.NextToken;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.ListTagsAsync(
                new ListTagsRequest { ResourceArn = request.ResourceArn, MaxResults = request.MaxResults, NextToken = token }, cancellationToken);
            foreach (var tag in response.Tags ?? [])
            {
                yield return tag;
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }
        }
    }
}
