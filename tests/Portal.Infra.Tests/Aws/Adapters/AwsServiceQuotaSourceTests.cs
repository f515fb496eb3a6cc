using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Tests.Aws.Parsing;

namespace Portal.Infra.Tests.Aws.Adapters;

/// <summary>SageMaker's notebook-instance quota has a code per instance type: the AWS source finds it by name, following pages.</summary>
public sealed class AwsServiceQuotaSourceTests
{
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");

    [Fact]
    public async Task A_quota_is_found_by_its_name_on_a_later_page()
    {
        var (quota, requests) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IServiceQuotaSource>().FindServiceQuotaByNameAsync(London, "sagemaker", "ml.t3.2xlarge for notebook instance usage", TestContext.Current.CancellationToken),
            Answering.Json("""{"Quotas": [{"QuotaCode": "L-AAAAAAAA", "QuotaName": "ml.t3.medium for notebook instance usage", "Value": 4.0}], "NextToken": "AAEAAQ=="}"""),
            Answering.Json("""{"Quotas": [{"QuotaCode": "L-BBBBBBBB", "QuotaName": "ml.t3.2xlarge for notebook instance usage", "Value": 2.0, "Adjustable": true}]}"""));

        Assert.Equal(new ServiceQuotaValue(London, "sagemaker", "L-BBBBBBBB", "ml.t3.2xlarge for notebook instance usage", 2, true), quota);
        Assert.Equal(2, requests.Count);
        Assert.Equal("sagemaker", (string)JsonNode.Parse(requests[0].BodyText)!["ServiceCode"]!);
        Assert.Equal("AAEAAQ==", (string)JsonNode.Parse(requests[1].BodyText)!["NextToken"]!);
    }

    [Fact]
    public async Task A_name_no_page_holds_is_no_quota()
    {
        var (quota, _) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IServiceQuotaSource>().FindServiceQuotaByNameAsync(London, "sagemaker", "ml.p5.48xlarge for notebook instance usage", TestContext.Current.CancellationToken),
            Answering.Json("""{"Quotas": [{"QuotaCode": "L-AAAAAAAA", "QuotaName": "ml.t3.medium for notebook instance usage", "Value": 4.0}]}"""));

        Assert.Null(quota);
    }
}
