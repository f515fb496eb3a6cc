using System.Text.Json.Nodes;
using Portal.Infra.Aws.FSx;
using Portal.Infra.Aws.Pricing;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Aws.ServiceQuotas;
using Portal.Infra.Tests.Aws.Wire;
using static Portal.Infra.Tests.Aws.Parsing.Answering;

namespace Portal.Infra.Tests.Aws.Parsing;

public sealed class JsonServicesParsingTests
{
    [Fact]
    public async Task DescribeNotebookInstance_reads_status_and_epoch_timestamps()
    {
        var (response, _) = await WithAsync(
            sp => WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2").DescribeNotebookInstanceAsync(new DescribeNotebookInstanceRequest { NotebookInstanceName = "climate-nb" }),
            Json("""
                {"NotebookInstanceArn": "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/climate-nb", "NotebookInstanceName": "climate-nb",
                 "NotebookInstanceStatus": "Failed", "FailureReason": "Lifecycle script failed", "Url": "climate-nb-abcd.notebook.us-east-1.sagemaker.aws",
                 "InstanceType": "ml.t3.2xlarge", "SecurityGroups": ["sg-0abc1234def567890"], "CreationTime": 1746100800.456, "LastModifiedTime": 1746101400.123,
                 "VolumeSizeInGB": 50, "InstanceMetadataServiceConfiguration": {"MinimumInstanceMetadataServiceVersion": "2"}}
                """));

        Assert.Equal("Failed", response.NotebookInstanceStatus);
        Assert.Equal("Lifecycle script failed", response.FailureReason);
        Assert.Equal(new DateTime(2025, 5, 1, 12, 0, 0, 456, DateTimeKind.Utc), response.CreationTime);
        Assert.Equal(50, response.VolumeSizeInGB);
        Assert.Equal(["sg-0abc1234def567890"], response.SecurityGroups);
        Assert.Equal("req-header-2", response.ResponseMetadata.RequestId);
    }

    [Theory]
    [InlineData("""{"__type": "ValidationException", "message": "RecordNotFound"}""", "ValidationException", "RecordNotFound")]
    [InlineData("""{"__type": "com.amazonaws.sagemaker#ResourceLimitExceeded", "Message": "limit"}""", "ResourceLimitExceeded", "limit")]
    [InlineData("""{"__type": "FileSystemNotFound:http://internal.amazon.com/coral/com.amazonaws.fsx/", "Message": "gone"}""", "FileSystemNotFound", "gone")]
    [InlineData("""{"__type": "TooManyRequestsException", "Message": "Rate exceeded"}""", "TooManyRequestsException", "Rate exceeded")]
    public async Task Json_errors_become_typed_with_the_bare_code(string body, string code, string message)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2").DescribeNotebookInstanceAsync(new DescribeNotebookInstanceRequest { NotebookInstanceName = "x" }),
            Json(body, 400)));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.Message);
        Assert.Equal("req-header-2", error.RequestId);
    }

    [Fact]
    public async Task A_bodyless_error_takes_its_code_from_the_header_or_the_status()
    {
        var fromHeader = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => WireCase.Client<IAmazonFSx>(sp, "us-east-1").DescribeFileSystemsAsync(new DescribeFileSystemsRequest()),
            new Support.CannedResponse(400, "application/x-amz-json-1.1", string.Empty, new Dictionary<string, string> { ["x-amzn-ErrorType"] = "BadRequest:http://internal/" })));
        var fromStatus = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => WireCase.Client<IAmazonFSx>(sp, "us-east-1").DescribeFileSystemsAsync(new DescribeFileSystemsRequest()),
            new Support.CannedResponse(403, "text/plain", string.Empty)));

        Assert.Equal("BadRequest", fromHeader.ErrorCode);
        Assert.Equal("AccessDenied", fromStatus.ErrorCode);
    }

    [Fact]
    public async Task FSx_file_systems_and_misconfigured_associations_are_read()
    {
        var (systems, _) = await WithAsync(
            sp => WireCase.Client<IAmazonFSx>(sp, "us-east-1").DescribeFileSystemsAsync(new DescribeFileSystemsRequest()),
            Json("""
                {"FileSystems": [{"OwnerId": "123456789012", "CreationTime": 1746100805.0, "FileSystemId": "fs-0123456789abcdef0", "FileSystemType": "LUSTRE",
                  "Lifecycle": "AVAILABLE", "StorageCapacity": 1200, "StorageType": "SSD", "DNSName": "fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com",
                  "LustreConfiguration": {"DeploymentType": "PERSISTENT_2", "PerUnitStorageThroughput": 1000, "MountName": "abcdefgh",
                  "LogConfiguration": {"Level": "WARN_ERROR"}}, "Tags": [{"Key": "project", "Value": "climate-portal"}]}]}
                """));
        var (associations, _) = await WithAsync(
            sp => WireCase.Client<IAmazonFSx>(sp, "us-east-1").DescribeDataRepositoryAssociationsAsync(new DescribeDataRepositoryAssociationsRequest()),
            Json("""
                {"Associations": [{"AssociationId": "dra-0123456789abcdef0", "FileSystemId": "fs-0123456789abcdef0", "Lifecycle": "MISCONFIGURED",
                  "FileSystemPath": "/era5", "DataRepositoryPath": "s3://era5-pds/2022/", "ImportedFileChunkSize": 1024,
                  "S3": {"AutoImportPolicy": {"Events": ["NEW", "CHANGED", "DELETED"]}}, "CreationTime": 1746101000.0,
                  "FailureDetails": {"Message": "Amazon FSx does not have permission to access the S3 bucket."}}], "NextToken": "n2"}
                """));

        var system = Assert.Single(systems.FileSystems!);
        Assert.Equal("AVAILABLE", system.Lifecycle);
        Assert.Equal("PERSISTENT_2", system.LustreConfiguration!.DeploymentType);
        Assert.Equal("abcdefgh", system.LustreConfiguration.MountName);
        Assert.Equal(1200, system.StorageCapacity);
        var association = Assert.Single(associations.Associations!);
        Assert.Equal("MISCONFIGURED", association.Lifecycle);
        Assert.Equal("Amazon FSx does not have permission to access the S3 bucket.", association.FailureDetails!.Message);
        Assert.Equal(["NEW", "CHANGED", "DELETED"], association.S3!.AutoImportPolicy!.Events);
        Assert.Equal("n2", associations.NextToken);
    }

    [Fact]
    public async Task GetProducts_pages_are_followed_and_each_price_document_is_kept_whole()
    {
        var product = new JsonObject
        {
            ["product"] = new JsonObject { ["sku"] = "EXAMPLESKU0000001", ["attributes"] = new JsonObject { ["instanceType"] = "m5d.4xlarge", ["regionCode"] = "us-east-1" } },
            ["terms"] = new JsonObject { ["OnDemand"] = new JsonObject { ["EXAMPLESKU0000001.JRTCKXETXF"] = new JsonObject { ["priceDimensions"] = new JsonObject { ["d"] = new JsonObject { ["unit"] = "Hrs", ["pricePerUnit"] = new JsonObject { ["USD"] = "0.9040000000" } } } } } },
        }.ToJsonString();
        var page1 = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray(product), ["NextToken"] = "57r3EXAMPLE==:yw+/" };
        var page2 = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray(product.Replace("0.904", "0.905", StringComparison.Ordinal)) };

        var (products, requests) = await WithAsync(
            async sp => await WireCase.Client<IAmazonPricing>(sp, "us-east-1").GetAllProductsAsync(new GetProductsRequest
            {
                ServiceCode = "AmazonEC2",
                Filters = [new Portal.Infra.Aws.Pricing.Filter { Type = "TERM_MATCH", Field = "instanceType", Value = "m5d.4xlarge" }],
            }).ToListAsync(),
            Json(page1.ToJsonString()),
            Json(page2.ToJsonString()));

        Assert.Equal(2, products.Count);
        Assert.Equal("0.9040000000", (string)JsonNode.Parse(products[0])!["terms"]!["OnDemand"]!["EXAMPLESKU0000001.JRTCKXETXF"]!["priceDimensions"]!["d"]!["pricePerUnit"]!["USD"]!);
        Assert.Equal("57r3EXAMPLE==:yw+/", (string)JsonNode.Parse(requests[1].BodyText)!["NextToken"]!);
        Assert.Equal("m5d.4xlarge", (string)JsonNode.Parse(requests[1].BodyText)!["Filters"]![0]!["Value"]!);
    }

    [Fact]
    public async Task Service_quotas_are_read_with_their_usage_metric_and_pages_followed()
    {
        var (quota, _) = await WithAsync(
            sp => WireCase.Client<IAmazonServiceQuotas>(sp, "eu-west-2").GetServiceQuotaAsync(new GetServiceQuotaRequest { ServiceCode = "fargate", QuotaCode = "L-3032A538" }),
            Json("""
                {"Quota": {"ServiceCode": "fargate", "ServiceName": "AWS Fargate", "QuotaArn": "arn:aws:servicequotas:us-east-1:123456789012:fargate/L-3032A538",
                 "QuotaCode": "L-3032A538", "QuotaName": "Fargate On-Demand vCPU resource count", "Value": 4000.0, "Unit": "None", "Adjustable": true,
                 "GlobalQuota": false, "UsageMetric": {"MetricNamespace": "AWS/Usage", "MetricName": "ResourceCount",
                 "MetricDimensions": {"Class": "Standard/OnDemand", "Resource": "vCPU", "Service": "Fargate", "Type": "Resource"},
                 "MetricStatisticRecommendation": "Maximum"}}}
                """));
        var (all, requests) = await WithAsync(
            async sp => await WireCase.Client<IAmazonServiceQuotas>(sp, "eu-west-2").ListAllServiceQuotasAsync(new ListServiceQuotasRequest { ServiceCode = "ec2" }).ToListAsync(),
            Json("""{"Quotas": [{"QuotaCode": "L-1216C47A", "Value": 512.0}, {"QuotaCode": "L-0263D0A3", "Value": 5.0}], "NextToken": "AAEAAQ=="}"""),
            Json("""{"Quotas": [{"QuotaCode": "L-34B43A08", "Value": 10.0}]}"""));

        Assert.Equal(4000.0, quota.Quota!.Value);
        Assert.True(quota.Quota.Adjustable);
        Assert.Equal("vCPU", quota.Quota.UsageMetric!.MetricDimensions!["Resource"]);
        Assert.Equal(["L-1216C47A", "L-0263D0A3", "L-34B43A08"], all.Select(q => q.QuotaCode));
        Assert.Equal("AAEAAQ==", (string)JsonNode.Parse(requests[1].BodyText)!["NextToken"]!);
        Assert.Equal("ec2", (string)JsonNode.Parse(requests[1].BodyText)!["ServiceCode"]!);
    }

    [Fact]
    public async Task ListNotebookInstances_pages_are_followed_with_the_name_filter_kept()
    {
        var (instances, requests) = await WithAsync(
            async sp => await WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2")
                .ListAllNotebookInstancesAsync(new ListNotebookInstancesRequest { NameContains = "portal-", MaxResults = 2 }).ToListAsync(),
            Json("""
                {"NotebookInstances": [
                   {"NotebookInstanceName": "portal-alice-nb", "NotebookInstanceArn": "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-alice-nb",
                    "NotebookInstanceStatus": "InService", "Url": "portal-alice-nb-x1y2.notebook.eu-west-2.sagemaker.aws", "InstanceType": "ml.t3.medium",
                    "CreationTime": 1777636800.25, "LastModifiedTime": 1777640400.0, "NotebookInstanceLifecycleConfigName": "portal-alice-nb-files"},
                   {"NotebookInstanceName": "portal-bob-nb", "NotebookInstanceArn": "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-bob-nb",
                    "NotebookInstanceStatus": "Deleting", "InstanceType": "ml.t3.2xlarge", "CreationTime": 1777633200.0, "LastModifiedTime": 1777640000.0}],
                 "NextToken": "c2Vjb25kLXBhZ2U="}
                """),
            Json("""
                {"NotebookInstances": [
                   {"NotebookInstanceName": "portal-carol-nb", "NotebookInstanceArn": "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-carol-nb",
                    "NotebookInstanceStatus": "Stopped", "InstanceType": "ml.m5.xlarge", "CreationTime": 1777629600.0, "LastModifiedTime": 1777630000.0,
                    "DefaultCodeRepository": "https://example.org/repo.git", "AdditionalCodeRepositories": []}]}
                """));

        Assert.Equal(["portal-alice-nb", "portal-bob-nb", "portal-carol-nb"], instances.Select(i => i.NotebookInstanceName));
        Assert.Equal(["InService", "Deleting", "Stopped"], instances.Select(i => i.NotebookInstanceStatus));
        Assert.Equal("arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-alice-nb", instances[0].NotebookInstanceArn);
        Assert.Equal(new DateTime(2026, 5, 1, 12, 0, 0, 250, DateTimeKind.Utc), instances[0].CreationTime);
        Assert.Equal("portal-alice-nb-files", instances[0].NotebookInstanceLifecycleConfigName);
        Assert.Null(instances[1].Url);
        Assert.Equal(2, requests.Count);
        Assert.Null(JsonNode.Parse(requests[0].BodyText)!["NextToken"]);
        Assert.Equal("c2Vjb25kLXBhZ2U=", (string)JsonNode.Parse(requests[1].BodyText)!["NextToken"]!);
        Assert.All(requests, r => Assert.Equal("portal-", (string)JsonNode.Parse(r.BodyText)!["NameContains"]!));
        Assert.All(requests, r => Assert.Equal(2, (int)JsonNode.Parse(r.BodyText)!["MaxResults"]!));
    }

    [Fact]
    public async Task An_empty_notebook_instance_list_reads_as_empty()
    {
        var (instances, requests) = await WithAsync(
            async sp => await WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2")
                .ListAllNotebookInstancesAsync(new ListNotebookInstancesRequest { NameContains = "nobody" }).ToListAsync(),
            Json("""{"NotebookInstances": []}"""));

        Assert.Empty(instances);
        Assert.Single(requests);
    }

    [Fact]
    public async Task ListTags_pages_are_followed_for_the_same_resource()
    {
        const string Arn = "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-alice-nb";
        var (tags, requests) = await WithAsync(
            async sp => await WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2")
                .ListAllTagsAsync(new ListTagsRequest { ResourceArn = Arn, MaxResults = 50 }).ToListAsync(),
            Json("""{"Tags": [{"Key": "portal-session", "Value": "s-0042"}, {"Key": "portal-owner", "Value": "alice@example.org"}], "NextToken": "dGFncy0y"}"""),
            Json("""{"Tags": [{"Key": "portal-managed", "Value": "true"}, {"Key": "cost-centre", "Value": ""}]}"""));

        Assert.Equal(["portal-session", "portal-owner", "portal-managed", "cost-centre"], tags.Select(t => t.Key));
        Assert.Equal(["s-0042", "alice@example.org", "true", ""], tags.Select(t => t.Value));
        Assert.Equal("dGFncy0y", (string)JsonNode.Parse(requests[1].BodyText)!["NextToken"]!);
        Assert.All(requests, r => Assert.Equal(Arn, (string)JsonNode.Parse(r.BodyText)!["ResourceArn"]!));
        Assert.All(requests, r => Assert.Equal(50, (int)JsonNode.Parse(r.BodyText)!["MaxResults"]!));
    }
}
