namespace Portal.Domain.Costs;

/// <summary>The names of the unit prices a cost estimate looks up.</summary>
public static class PriceSku
{
    /// <summary>An EC2 on-demand Linux instance hour: <c>ec2:m5d.4xlarge</c>.</summary>
    public static string Ec2Instance(string instanceType) => "ec2:" + instanceType;

    /// <summary>A SageMaker notebook instance hour: <c>sagemaker-notebook:ml.t3.2xlarge</c>.</summary>
    public static string NotebookInstance(string instanceType) => "sagemaker-notebook:" + instanceType;

    public const string FargateVcpuHour = "fargate:vcpu-hour";
    public const string FargateGbHour = "fargate:gb-hour";
    public const string TransitGatewayAttachmentHour = "tgw:attachment-hour";

    /// <summary>A GB sent from the region to another region (the data transfer a copy home pays).</summary>
    public const string InterRegionTransferGb = "transfer:inter-region-gb";
}
