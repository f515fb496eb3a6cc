using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.CloudFormation;
using Portal.Infra.Aws.FSx;
using Portal.Infra.Aws.Pricing;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Aws.ServiceQuotas;
using Portal.Infra.Pricing;
using static Portal.Infra.Tests.Aws.Wire.WireCase;
using CfnTag = Portal.Infra.Aws.CloudFormation.Tag;
using FsxFilter = Portal.Infra.Aws.FSx.Filter;
using FsxTag = Portal.Infra.Aws.FSx.Tag;
using PricingFilter = Portal.Infra.Aws.Pricing.Filter;
using SmTag = Portal.Infra.Aws.SageMaker.Tag;

namespace Portal.Infra.Tests.Aws.Wire;

/// <summary>Every operation of every client, with parameters that exercise lists, structures, booleans, numbers and encoding.</summary>
public static class WireCases
{
    private const string Cfn = "eu-west-2";
    private const string TemplateBody = "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\",\"Properties\":{\"QueueName\":\"a b&c=d+e/é\"}}}}";

    public static IReadOnlyList<WireCase> All { get; } =
    [
        new("CloudFormation.CreateStack", "cloudformation", Cfn, "create_stack", """
            {"StackName": "portal-s1-workers-us-east-1", "TemplateURL": "https://portal-templates.s3.eu-west-2.amazonaws.com/v1/SessionWorkers.template.json",
             "Parameters": [{"ParameterKey": "SessionId", "ParameterValue": "s1"}, {"ParameterKey": "WorkerCount", "ParameterValue": "4"}],
             "Capabilities": ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], "RoleARN": "arn:aws:iam::123456789012:role/PortalCloudFormation",
             "OnFailure": "ROLLBACK", "TimeoutInMinutes": 60, "Tags": [{"Key": "portal-session", "Value": "s1"}, {"Key": "portal-managed", "Value": "true"}],
             "ClientRequestToken": "s1-workers-us-east-1-create", "DisableRollback": false, "EnableTerminationProtection": false}
            """, (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).CreateStackAsync(new CreateStackRequest
        {
            StackName = "portal-s1-workers-us-east-1",
            TemplateURL = "https://portal-templates.s3.eu-west-2.amazonaws.com/v1/SessionWorkers.template.json",
            Parameters = [new() { ParameterKey = "SessionId", ParameterValue = "s1" }, new() { ParameterKey = "WorkerCount", ParameterValue = "4" }],
            Capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
            RoleARN = "arn:aws:iam::123456789012:role/PortalCloudFormation",
            OnFailure = "ROLLBACK",
            TimeoutInMinutes = 60,
            Tags = [new CfnTag { Key = "portal-session", Value = "s1" }, new CfnTag { Key = "portal-managed", Value = "true" }],
            ClientRequestToken = "s1-workers-us-east-1-create",
            DisableRollback = false,
            EnableTerminationProtection = false,
        }, ct), "cloudformation"),

        new("CloudFormation.CreateStack.TemplateBody", "cloudformation", Cfn, "create_stack",
            $$"""{"StackName": "portal-body", "TemplateBody": {{System.Text.Json.JsonSerializer.Serialize(TemplateBody)}}, "NotificationARNs": ["arn:aws:sns:eu-west-2:123456789012:portal"], "ClientRequestToken": "body-1"}""",
            (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).CreateStackAsync(new CreateStackRequest
            {
                StackName = "portal-body",
                TemplateBody = TemplateBody,
                NotificationARNs = ["arn:aws:sns:eu-west-2:123456789012:portal"],
                ClientRequestToken = "body-1",
            }, ct), "cloudformation"),

        new("CloudFormation.UpdateStack", "cloudformation", Cfn, "update_stack", """
            {"StackName": "portal-s1-scheduler", "UsePreviousTemplate": true,
             "Parameters": [{"ParameterKey": "SessionId", "UsePreviousValue": true}, {"ParameterKey": "Workers", "ParameterValue": "8"}],
             "Capabilities": ["CAPABILITY_IAM"], "Tags": [{"Key": "portal-managed", "Value": "true"}], "ClientRequestToken": "s1-scheduler-update"}
            """, (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).UpdateStackAsync(new UpdateStackRequest
        {
            StackName = "portal-s1-scheduler",
            UsePreviousTemplate = true,
            Parameters = [new() { ParameterKey = "SessionId", UsePreviousValue = true }, new() { ParameterKey = "Workers", ParameterValue = "8" }],
            Capabilities = ["CAPABILITY_IAM"],
            Tags = [new CfnTag { Key = "portal-managed", Value = "true" }],
            ClientRequestToken = "s1-scheduler-update",
        }, ct), "cloudformation"),

        new("CloudFormation.DeleteStack", "cloudformation", Cfn, "delete_stack", """
            {"StackName": "portal-s1-scheduler", "RetainResources": ["Logs", "Bucket"], "RoleARN": "arn:aws:iam::123456789012:role/PortalCloudFormation", "ClientRequestToken": "s1-scheduler-delete"}
            """, (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).DeleteStackAsync(new DeleteStackRequest
        {
            StackName = "portal-s1-scheduler",
            RetainResources = ["Logs", "Bucket"],
            RoleARN = "arn:aws:iam::123456789012:role/PortalCloudFormation",
            ClientRequestToken = "s1-scheduler-delete",
        }, ct), "cloudformation"),

        new("CloudFormation.DescribeStacks", "cloudformation", Cfn, "describe_stacks", """{"StackName": "portal-s1-scheduler"}""",
            (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).DescribeStacksAsync(new DescribeStacksRequest { StackName = "portal-s1-scheduler" }, ct),
            "cloudformation"),

        new("CloudFormation.DescribeStacks.NextToken", "cloudformation", Cfn, "describe_stacks", """{"NextToken": "tok/en+=="}""",
            (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).DescribeStacksAsync(new DescribeStacksRequest { NextToken = "tok/en+==" }, ct),
            "cloudformation"),

        new("CloudFormation.DescribeStackEvents", "cloudformation", Cfn, "describe_stack_events", """{"StackName": "portal-s1-scheduler", "NextToken": "page-2"}""",
            (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).DescribeStackEventsAsync(
                new DescribeStackEventsRequest { StackName = "portal-s1-scheduler", NextToken = "page-2" }, ct),
            "cloudformation"),

        new("CloudFormation.ListStacks", "cloudformation", Cfn, "list_stacks", """{"StackStatusFilter": ["CREATE_COMPLETE", "ROLLBACK_COMPLETE"], "NextToken": "page-3"}""",
            (sp, ct) => Client<IAmazonCloudFormation>(sp, Cfn).ListStacksAsync(
                new ListStacksRequest { StackStatusFilter = ["CREATE_COMPLETE", "ROLLBACK_COMPLETE"], NextToken = "page-3" }, ct),
            "cloudformation"),

        new("StackDeployer.CreateStack", "cloudformation", "us-west-2", "create_stack", """
            {"StackName": "portal-s2-workers-us-west-2", "TemplateURL": "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1/SessionWorkers.template.json",
             "Parameters": [{"ParameterKey": "SessionId", "ParameterValue": "s2"}],
             "Capabilities": ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], "RoleARN": "arn:aws:iam::123456789012:role/PortalCloudFormation",
             "OnFailure": "ROLLBACK", "TimeoutInMinutes": 60, "Tags": [{"Key": "portal-session", "Value": "s2"}, {"Key": "portal-managed", "Value": "true"}],
             "ClientRequestToken": "s2-workers-us-west-2"}
            """, (sp, ct) => sp.GetRequiredService<IStackDeployer>().CreateStackAsync(new StackCreateRequest(
                RegionCode.Parse("us-west-2"), "portal-s2-workers-us-west-2", "SessionWorkers",
                new Dictionary<string, string> { ["SessionId"] = "s2" }, new Dictionary<string, string> { ["portal-session"] = "s2" },
                "s2-workers-us-west-2"), ct), "cloudformation"),

        // ListStacks has no "all but deleted" filter: the deployer names every status but DELETE_COMPLETE (botocore's enum).
        new("StackDeployer.ListStacks", "cloudformation", "us-west-2", "list_stacks", """
            {"StackStatusFilter": ["CREATE_IN_PROGRESS", "CREATE_FAILED", "CREATE_COMPLETE", "ROLLBACK_IN_PROGRESS", "ROLLBACK_FAILED",
             "ROLLBACK_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_FAILED", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
             "UPDATE_COMPLETE", "UPDATE_FAILED", "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_FAILED",
             "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE", "REVIEW_IN_PROGRESS", "IMPORT_IN_PROGRESS",
             "IMPORT_COMPLETE", "IMPORT_ROLLBACK_IN_PROGRESS", "IMPORT_ROLLBACK_FAILED", "IMPORT_ROLLBACK_COMPLETE"]}
            """, (sp, ct) => sp.GetRequiredService<IStackDeployer>().ListStacksAsync(RegionCode.Parse("us-west-2"), "portal-s2-", ct), "cloudformation"),

        new("SageMaker.CreateNotebookInstanceLifecycleConfig", "sagemaker", Cfn, "create_notebook_instance_lifecycle_config", """
            {"NotebookInstanceLifecycleConfigName": "portal-s1-nb-files", "OnCreate": [{"Content": "IyEvYmluL2Jhc2gK"}], "OnStart": [{"Content": "IyEvYmluL2Jhc2gKZWNobwo="}], "Tags": [{"Key": "portal-managed", "Value": "true"}]}
            """, (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).CreateNotebookInstanceLifecycleConfigAsync(new CreateNotebookInstanceLifecycleConfigRequest
        {
            NotebookInstanceLifecycleConfigName = "portal-s1-nb-files",
            OnCreate = [new NotebookInstanceLifecycleHook { Content = "IyEvYmluL2Jhc2gK" }],
            OnStart = [new NotebookInstanceLifecycleHook { Content = "IyEvYmluL2Jhc2gKZWNobwo=" }],
            Tags = [new SmTag { Key = "portal-managed", Value = "true" }],
        }, ct), "sagemaker"),

        new("SageMaker.DescribeNotebookInstanceLifecycleConfig", "sagemaker", Cfn, "describe_notebook_instance_lifecycle_config",
            """{"NotebookInstanceLifecycleConfigName": "portal-dask-client"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).DescribeNotebookInstanceLifecycleConfigAsync(
                new DescribeNotebookInstanceLifecycleConfigRequest { NotebookInstanceLifecycleConfigName = "portal-dask-client" }, ct),
            "sagemaker"),

        new("SageMaker.CreateNotebookInstance", "sagemaker", Cfn, "create_notebook_instance", """
            {"NotebookInstanceName": "portal-s1-nb", "InstanceType": "ml.t3.2xlarge", "SubnetId": "subnet-0abc1234def567890",
             "SecurityGroupIds": ["sg-0abc1234def567890"], "RoleArn": "arn:aws:iam::123456789012:role/PortalNotebook",
             "KmsKeyId": "arn:aws:kms:eu-west-2:123456789012:key/0ff3ea8d-130e-4133-877f-93908b6fdbd6",
             "Tags": [{"Key": "portal-session", "Value": "s1"}, {"Key": "portal-managed", "Value": "true"}], "LifecycleConfigName": "portal-s1-nb-files",
             "DirectInternetAccess": "Enabled", "VolumeSizeInGB": 20, "RootAccess": "Disabled", "PlatformIdentifier": "notebook-al2023-v1"}
            """, (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
        {
            NotebookInstanceName = "portal-s1-nb",
            InstanceType = "ml.t3.2xlarge",
            SubnetId = "subnet-0abc1234def567890",
            SecurityGroupIds = ["sg-0abc1234def567890"],
            RoleArn = "arn:aws:iam::123456789012:role/PortalNotebook",
            KmsKeyId = "arn:aws:kms:eu-west-2:123456789012:key/0ff3ea8d-130e-4133-877f-93908b6fdbd6",
            Tags = [new SmTag { Key = "portal-session", Value = "s1" }, new SmTag { Key = "portal-managed", Value = "true" }],
            LifecycleConfigName = "portal-s1-nb-files",
            DirectInternetAccess = "Enabled",
            VolumeSizeInGB = 20,
            RootAccess = "Disabled",
            PlatformIdentifier = "notebook-al2023-v1",
        }, ct), "sagemaker"),

        new("SageMaker.DescribeNotebookInstance", "sagemaker", Cfn, "describe_notebook_instance", """{"NotebookInstanceName": "portal-s1-nb"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).DescribeNotebookInstanceAsync(new DescribeNotebookInstanceRequest { NotebookInstanceName = "portal-s1-nb" }, ct),
            "sagemaker"),

        new("SageMaker.StartNotebookInstance", "sagemaker", Cfn, "start_notebook_instance", """{"NotebookInstanceName": "portal-s1-nb"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).StartNotebookInstanceAsync(new StartNotebookInstanceRequest { NotebookInstanceName = "portal-s1-nb" }, ct),
            "sagemaker"),

        new("SageMaker.StopNotebookInstance", "sagemaker", Cfn, "stop_notebook_instance", """{"NotebookInstanceName": "portal-s1-nb"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).StopNotebookInstanceAsync(new StopNotebookInstanceRequest { NotebookInstanceName = "portal-s1-nb" }, ct),
            "sagemaker"),

        new("SageMaker.DeleteNotebookInstance", "sagemaker", Cfn, "delete_notebook_instance", """{"NotebookInstanceName": "portal-s1-nb"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).DeleteNotebookInstanceAsync(new DeleteNotebookInstanceRequest { NotebookInstanceName = "portal-s1-nb" }, ct),
            "sagemaker"),

        new("SageMaker.DeleteNotebookInstanceLifecycleConfig", "sagemaker", Cfn, "delete_notebook_instance_lifecycle_config",
            """{"NotebookInstanceLifecycleConfigName": "portal-s1-nb-files"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).DeleteNotebookInstanceLifecycleConfigAsync(
                new DeleteNotebookInstanceLifecycleConfigRequest { NotebookInstanceLifecycleConfigName = "portal-s1-nb-files" }, ct),
            "sagemaker"),

        new("SageMaker.CreatePresignedNotebookInstanceUrl", "sagemaker", Cfn, "create_presigned_notebook_instance_url",
            """{"NotebookInstanceName": "portal-s1-nb", "SessionExpirationDurationInSeconds": 7200}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).CreatePresignedNotebookInstanceUrlAsync(
                new CreatePresignedNotebookInstanceUrlRequest { NotebookInstanceName = "portal-s1-nb", SessionExpirationDurationInSeconds = 7200 }, ct),
            "sagemaker"),

        new("SageMaker.ListNotebookInstances", "sagemaker", Cfn, "list_notebook_instances",
            """{"NameContains": "portal-s1", "MaxResults": 25, "NextToken": "tok/en+==", "SortBy": "CreationTime", "SortOrder": "Descending"}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).ListNotebookInstancesAsync(new ListNotebookInstancesRequest
            {
                NameContains = "portal-s1",
                MaxResults = 25,
                NextToken = "tok/en+==",
                SortBy = "CreationTime",
                SortOrder = "Descending",
            }, ct),
            "sagemaker"),

        new("SageMaker.ListTags", "sagemaker", Cfn, "list_tags",
            """{"ResourceArn": "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-s1-nb", "NextToken": "page-2", "MaxResults": 50}""",
            (sp, ct) => Client<IAmazonSageMaker>(sp, Cfn).ListTagsAsync(new ListTagsRequest
            {
                ResourceArn = "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/portal-s1-nb",
                NextToken = "page-2",
                MaxResults = 50,
            }, ct),
            "sagemaker"),

        new("NotebookService.ListNotebookInstances", "sagemaker", Cfn, "list_notebook_instances", """{"NameContains": "portal-s1-", "MaxResults": 100}""",
            (sp, ct) => sp.GetRequiredService<INotebookService>().ListNotebookInstancesAsync(RegionCode.Parse(Cfn), "portal-s1-", ct), "sagemaker"),

        new("FSx.DescribeFileSystems", "fsx", "us-east-1", "describe_file_systems",
            """{"FileSystemIds": ["fs-0123456789abcdef0"], "MaxResults": 10, "NextToken": "next-1"}""",
            (sp, ct) => Client<IAmazonFSx>(sp, "us-east-1").DescribeFileSystemsAsync(
                new DescribeFileSystemsRequest { FileSystemIds = ["fs-0123456789abcdef0"], MaxResults = 10, NextToken = "next-1" }, ct),
            "fsx"),

        new("FSx.DescribeDataRepositoryAssociations", "fsx", "us-east-1", "describe_data_repository_associations",
            """{"Filters": [{"Name": "file-system-id", "Values": ["fs-0123456789abcdef0"]}], "MaxResults": 25}""",
            (sp, ct) => Client<IAmazonFSx>(sp, "us-east-1").DescribeDataRepositoryAssociationsAsync(new DescribeDataRepositoryAssociationsRequest
            {
                Filters = [new FsxFilter { Name = "file-system-id", Values = ["fs-0123456789abcdef0"] }],
                MaxResults = 25,
            }, ct), "fsx"),

        new("FSx.CreateDataRepositoryAssociation", "fsx", "us-east-1", "create_data_repository_association", """
            {"FileSystemId": "fs-0123456789abcdef0", "FileSystemPath": "/us-east-1/era5-pds", "DataRepositoryPath": "s3://era5-pds",
             "BatchImportMetaDataOnCreate": true, "ImportedFileChunkSize": 1024, "S3": {"AutoImportPolicy": {"Events": ["NEW", "CHANGED", "DELETED"]}},
             "ClientRequestToken": "dra-era5-1", "Tags": [{"Key": "portal-managed", "Value": "true"}]}
            """, (sp, ct) => Client<IAmazonFSx>(sp, "us-east-1").CreateDataRepositoryAssociationAsync(new CreateDataRepositoryAssociationRequest
        {
            FileSystemId = "fs-0123456789abcdef0",
            FileSystemPath = "/us-east-1/era5-pds",
            DataRepositoryPath = "s3://era5-pds",
            BatchImportMetaDataOnCreate = true,
            ImportedFileChunkSize = 1024,
            S3 = new S3DataRepositoryConfiguration { AutoImportPolicy = new AutoPolicy { Events = ["NEW", "CHANGED", "DELETED"] } },
            ClientRequestToken = "dra-era5-1",
            Tags = [new FsxTag { Key = "portal-managed", Value = "true" }],
        }, ct), "fsx"),

        new("Pricing.GetProducts", "pricing", "us-east-1", "get_products", """
            {"ServiceCode": "AmazonEC2", "FormatVersion": "aws_v1", "MaxResults": 100, "NextToken": "abc==",
             "Filters": [{"Type": "TERM_MATCH", "Field": "instanceType", "Value": "m5d.4xlarge"}, {"Type": "TERM_MATCH", "Field": "regionCode", "Value": "us-east-1"}]}
            """, (sp, ct) => Client<IAmazonPricing>(sp, "us-east-1").GetProductsAsync(new GetProductsRequest
        {
            ServiceCode = "AmazonEC2",
            FormatVersion = "aws_v1",
            MaxResults = 100,
            NextToken = "abc==",
            Filters =
            [
                new PricingFilter { Type = "TERM_MATCH", Field = "instanceType", Value = "m5d.4xlarge" },
                new PricingFilter { Type = "TERM_MATCH", Field = "regionCode", Value = "us-east-1" },
            ],
        }, ct), "pricing"),

        // The request the price book refresher makes for a transfer pair, as PriceQueries builds it (a value with a space).
        new("Pricing.GetProducts.TransferPair", "pricing", "us-east-1", "get_products", """
            {"ServiceCode": "AWSDataTransfer", "FormatVersion": "aws_v1", "MaxResults": 100,
             "Filters": [{"Type": "TERM_MATCH", "Field": "fromRegionCode", "Value": "us-east-1"}, {"Type": "TERM_MATCH", "Field": "toRegionCode", "Value": "eu-west-2"},
                         {"Type": "TERM_MATCH", "Field": "transferType", "Value": "InterRegion Outbound"}]}
            """, (sp, ct) => Client<IAmazonPricing>(sp, "us-east-1").GetProductsAsync(
                PriceQueries.For([RegionCode.Parse("us-east-1"), RegionCode.Parse("eu-west-2")], [], "ml.t3.2xlarge")
                    .Single(q => q.ServiceCode == "AWSDataTransfer" && q.Region.Value == "us-east-1")
                    .ToRequest(PriceListReader.PageSize), ct),
            "pricing"),

        new("Pricing.DescribeServices", "pricing", "us-east-1", "describe_services", """{"ServiceCode": "AmazonSageMaker", "FormatVersion": "aws_v1", "MaxResults": 1}""",
            (sp, ct) => Client<IAmazonPricing>(sp, "us-east-1").DescribeServicesAsync(
                new DescribeServicesRequest { ServiceCode = "AmazonSageMaker", FormatVersion = "aws_v1", MaxResults = 1 }, ct),
            "pricing"),

        new("ServiceQuotas.GetServiceQuota", "service-quotas", Cfn, "get_service_quota", """{"ServiceCode": "fargate", "QuotaCode": "L-3032A538"}""",
            (sp, ct) => Client<IAmazonServiceQuotas>(sp, Cfn).GetServiceQuotaAsync(new GetServiceQuotaRequest { ServiceCode = "fargate", QuotaCode = "L-3032A538" }, ct),
            "servicequotas"),

        new("ServiceQuotas.ListServiceQuotas", "service-quotas", Cfn, "list_service_quotas",
            """{"ServiceCode": "ec2", "NextToken": "AAEAAQ==", "MaxResults": 100, "QuotaAppliedAtLevel": "ACCOUNT"}""",
            (sp, ct) => Client<IAmazonServiceQuotas>(sp, Cfn).ListServiceQuotasAsync(
                new ListServiceQuotasRequest { ServiceCode = "ec2", NextToken = "AAEAAQ==", MaxResults = 100, QuotaAppliedAtLevel = "ACCOUNT" }, ct),
            "servicequotas"),

        new("Sts.GetCallerIdentity", "sts", "eu-west-2", "get_caller_identity", "{}",
            (sp, ct) => sp.GetRequiredService<ICloudAccount>().GetCallerIdentityAsync(ct), "sts"),
    ];

    public static WireCase Get(string name) => All.Single(c => c.Name == name);
}
