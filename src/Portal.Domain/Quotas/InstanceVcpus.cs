using System.Globalization;

namespace Portal.Domain.Quotas;

/// <summary>
/// vCPUs of an EC2 instance type from its size, as AWS names sizes: <c>large</c> 2, <c>xlarge</c> 4, <c>Nxlarge</c> 4·N,
/// <c>medium</c> and smaller 2 (burstable T types; a few others have 1, so this errs on the safe side). Metal sizes and
/// unknown names give null: the quota check then does not count them.
/// </summary>
public static class InstanceVcpus
{
    /// <summary>The families Running On-Demand Standard instances (L-1216C47A) covers: A, C, D, H, I, M, R, T, Z.</summary>
    public static bool IsStandardFamily(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        return instanceType.Length > 0 && "acdhimrtz".Contains(char.ToLowerInvariant(instanceType[0]), StringComparison.Ordinal);
    }

    public static int? Of(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        var dot = instanceType.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var size = instanceType[(dot + 1)..].ToLowerInvariant();
        switch (size)
        {
            case "nano" or "micro" or "small" or "medium" or "large":
                return 2;
            case "xlarge":
                return 4;
        }

        if (size.EndsWith("xlarge", StringComparison.Ordinal)
            && int.TryParse(size[..^"xlarge".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var times) && times > 0)
        {
            return times * 4;
        }

        return null;
    }
}
