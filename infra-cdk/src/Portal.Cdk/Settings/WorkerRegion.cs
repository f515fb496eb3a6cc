namespace Portal.Cdk.Settings;

/// <summary>A region that runs Dask workers next to its data, and the private address block of its VPC.</summary>
internal sealed record WorkerRegion(string Region, string Cidr);
