namespace Portal.Domain.Regions;

/// <summary>An AWS region as the map draws it: code, name and a point near its data centres.</summary>
public sealed record AwsRegion(RegionCode Code, string Name, GeoPoint Location);

/// <summary>
/// Every commercial AWS region, so datasets anywhere can be drawn where they live, whether or not the portal runs
/// workers there. Generated from shared/reference/aws/aws_region_coordinates.csv (its coord_source column cites
/// each point: lopoc/defcon31 time_probe/aws_data.py, or a city-centre approximation).
/// </summary>
public static class AwsRegions
{
    private static readonly Dictionary<RegionCode, AwsRegion> ByCode;

    static AwsRegions()
    {
        All = [.. Facts.Select(f => new AwsRegion(RegionCode.Parse(f.Code), f.Name, new GeoPoint(f.Latitude, f.Longitude)))];
        ByCode = All.ToDictionary(r => r.Code);
    }

    public static IReadOnlyList<AwsRegion> All { get; }

    /// <summary>The region, or null when the code is not a known AWS region.</summary>
    public static AwsRegion? Find(RegionCode code) => ByCode.GetValueOrDefault(code);

    private static readonly (string Code, string Name, double Latitude, double Longitude)[] Facts =
    [
        ("us-east-1", "US East (N. Virginia)", 39.04, -77.49),
        ("us-east-2", "US East (Ohio)", 40.06, -83.18),
        ("us-west-1", "US West (N. California)", 37.39, -121.96),
        ("us-west-2", "US West (Oregon)", 45.46, -119.63),
        ("af-south-1", "Africa (Cape Town)", -33.92, 18.42),
        ("ap-east-1", "Asia Pacific (Hong Kong)", 22.30, 114.18),
        ("ap-east-2", "Asia Pacific (Taipei)", 25.03, 121.57),
        ("ap-northeast-1", "Asia Pacific (Tokyo)", 35.69, 139.69),
        ("ap-northeast-2", "Asia Pacific (Seoul)", 37.53, 127.02),
        ("ap-northeast-3", "Asia Pacific (Osaka)", 34.67, 135.50),
        ("ap-south-1", "Asia Pacific (Mumbai)", 19.08, 72.88),
        ("ap-south-2", "Asia Pacific (Hyderabad)", 17.39, 78.49),
        ("ap-southeast-1", "Asia Pacific (Singapore)", 1.29, 103.85),
        ("ap-southeast-2", "Asia Pacific (Sydney)", -33.87, 151.21),
        ("ap-southeast-3", "Asia Pacific (Jakarta)", -6.21, 106.85),
        ("ap-southeast-4", "Asia Pacific (Melbourne)", -37.81, 144.96),
        ("ap-southeast-5", "Asia Pacific (Malaysia)", 3.14, 101.69),
        ("ap-southeast-6", "Asia Pacific (New Zealand)", -36.85, 174.76),
        ("ap-southeast-7", "Asia Pacific (Thailand)", 13.76, 100.50),
        ("ca-central-1", "Canada (Central)", 45.51, -73.59),
        ("ca-west-1", "Canada West (Calgary)", 51.05, -114.07),
        ("eu-central-1", "Europe (Frankfurt)", 50.11, 8.68),
        ("eu-central-2", "Europe (Zurich)", 47.37, 8.54),
        ("eu-north-1", "Europe (Stockholm)", 59.33, 18.06),
        ("eu-south-1", "Europe (Milan)", 45.46, 9.19),
        ("eu-south-2", "Europe (Spain)", 41.65, -0.89),
        ("eu-west-1", "Europe (Ireland)", 53.35, -6.27),
        ("eu-west-2", "Europe (London)", 51.51, -0.12),
        ("eu-west-3", "Europe (Paris)", 48.86, 2.35),
        ("il-central-1", "Israel (Tel Aviv)", 32.09, 34.78),
        ("me-central-1", "Middle East (UAE)", 25.20, 55.27),
        ("me-south-1", "Middle East (Bahrain)", 25.94, 50.60),
        ("mx-central-1", "Mexico (Central)", 20.59, -100.39),
        ("sa-east-1", "South America (Sao Paulo)", -23.53, -46.63),
    ];
}
