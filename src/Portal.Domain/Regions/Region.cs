namespace Portal.Domain.Regions;

/// <summary>An AWS region as the portal uses it: where it is, what it does and its private address block.</summary>
/// <param name="Enabled">
/// False when an admin disabled a worker region: new sessions cannot put workers there (sessions already running keep
/// theirs). The home region is always enabled.
/// </param>
public sealed record Region(RegionCode Code, string DisplayName, GeoPoint Location, RegionRole Role, Cidr Cidr, bool Enabled = true)
{
    /// <summary>True when new sessions can run Dask workers here: an enabled worker region.</summary>
    public bool RunsWorkers => Role == RegionRole.Worker && Enabled;

    /// <summary>How the page and messages name it: <c>us-east-1 (US East (N. Virginia), 10.1.0.0/16)</c>.</summary>
    public string Describe() => $"{Code} ({DisplayName}, {Cidr})";
}
