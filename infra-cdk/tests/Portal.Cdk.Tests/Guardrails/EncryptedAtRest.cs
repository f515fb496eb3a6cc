using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>Databases, file systems, notebooks, logs, secrets and instance volumes are encrypted, with our keys where the service allows.</summary>
public sealed class EncryptedAtRest : IGuardrail
{
    /// <summary>Resource types that must name a KMS key.</summary>
    private static readonly Dictionary<string, string> KeyProperty = new()
    {
        ["AWS::FSx::FileSystem"] = "KmsKeyId",
        ["AWS::SageMaker::NotebookInstance"] = "KmsKeyId",
        ["AWS::Logs::LogGroup"] = "KmsKeyId",
        ["AWS::SecretsManager::Secret"] = "KmsKeyId",
    };

    public string Name => nameof(EncryptedAtRest);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var (type, property) in KeyProperty)
        {
            foreach (var (id, resource) in synthesized.ResourcesOfType(type).Where(r => r.Value["Properties"]?[property] is null))
            {
                yield return new Violation(Name, id, $"{type} without {property}");
            }
        }

        foreach (var (id, _) in synthesized.ResourcesOfType("AWS::RDS::DBInstance").Concat(synthesized.ResourcesOfType("AWS::RDS::DBCluster"))
                     .Where(r => !(r.Value["Properties"]?["StorageEncrypted"]).IsTrue()))
        {
            yield return new Violation(Name, id, "database storage is not encrypted");
        }

        foreach (var (id, resource) in synthesized.ResourcesOfType("AWS::EC2::LaunchTemplate"))
        {
            var disks = resource["Properties"]?["LaunchTemplateData"]?["BlockDeviceMappings"].AsList() ?? [];
            if (disks.Count == 0 || disks.Any(d => !(d["Ebs"]?["Encrypted"]).IsTrue()))
            {
                yield return new Violation(Name, id, "instance volumes are not all encrypted");
            }
        }
    }
}
