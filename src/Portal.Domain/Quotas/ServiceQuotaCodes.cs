namespace Portal.Domain.Quotas;

/// <summary>
/// The AWS service quotas a launch draws on. Codes and names from <c>/work/shared/reference/aws/service_quota_codes.csv</c>
/// (the project's reference table). SageMaker has one notebook-instance quota per instance type, named
/// "<c>&lt;type&gt; for notebook instance usage</c>" (as SageMaker's ResourceLimitExceeded error names it, see
/// <c>reference/aws/fixtures/sagemaker/ResourceLimitExceeded.error.json</c>); its code differs by type and is not in the
/// table, so that quota is found by name.
/// </summary>
public static class ServiceQuotaCodes
{
    public static ServiceQuotaKey Ec2OnDemandStandardVcpus { get; } =
        new("ec2", "L-1216C47A", "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", "vCPUs");

    public static ServiceQuotaKey FargateVcpus { get; } = new("fargate", "L-3032A538", "Fargate On-Demand vCPU resource count", "vCPUs");

    public static ServiceQuotaKey ElasticIps { get; } = new("ec2", "L-0263D0A3", "EC2-VPC Elastic IPs", "Elastic IPs");

    /// <summary>The SageMaker quota on notebook instances of <paramref name="instanceType"/> (found by name).</summary>
    public static ServiceQuotaKey NotebookInstances(string instanceType) =>
        new("sagemaker", null, $"{instanceType} for notebook instance usage", "notebook instances");

    /// <summary>Whether a quota name is SageMaker's notebook-instance quota of some type.</summary>
    public static bool IsNotebookInstanceQuota(string name) =>
        name.EndsWith(" for notebook instance usage", StringComparison.Ordinal);
}

/// <summary>Which service quota: its service, its code (null when found by <paramref name="Name"/>), its name and unit.</summary>
public sealed record ServiceQuotaKey(string ServiceCode, string? QuotaCode, string Name, string Unit)
{
    /// <summary>The code, or "by name" when the quota is found by its name.</summary>
    public string CodeText => QuotaCode ?? "found by name";
}
