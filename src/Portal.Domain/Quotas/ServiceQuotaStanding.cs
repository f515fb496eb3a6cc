using System.Globalization;
using Portal.Domain.Cloud;

namespace Portal.Domain.Quotas;

/// <summary>One AWS service quota in one region: its value, what the portal's sessions use of it, and the headroom left.</summary>
/// <param name="InUse">What the portal's own running sessions use in that region (not other workloads in the account).</param>
public sealed record ServiceQuotaStanding(ServiceQuotaKey Key, ServiceQuotaValue Quota, double InUse)
{
    public double Headroom => Math.Max(0, Quota.Value - InUse);

    /// <summary>Why <paramref name="needed"/> more does not fit, or null when it does.</summary>
    public string? RefusalFor(double needed)
    {
        if (needed <= Headroom)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(Quota.Name) ? Key.Name : Quota.Name;
        var need = string.Create(CultureInfo.InvariantCulture, $"{needed:0.##} {Key.Unit}");
        var room = string.Create(CultureInfo.InvariantCulture, $"{Headroom:0.##} (quota {Quota.Value:0.##}, {InUse:0.##} in use by the portal's sessions)");
        return $"This launch needs {need} of the AWS service quota '{name}' ({Quota.QuotaCode}) in {Quota.Region}, but its headroom there is {room}. "
               + "Choose fewer or smaller workers, or ask an admin to request a quota increase in Service Quotas.";
    }
}
