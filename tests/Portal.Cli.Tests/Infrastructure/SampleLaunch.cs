namespace Portal.Cli.Tests.Infrastructure;

/// <summary>The sample notebook's first-run answers as CLI options (ERA5 in us-east-1 and CMIP6 in us-west-2).</summary>
internal static class SampleLaunch
{
    public static string[] Request { get; } =
    [
        "--dataset", "era5", "--dataset", "cmip6", "--data-type", "Both", "--variable", "air_temperature_at_2_metres",
        "--start", "2022-01-01", "--end", "2022-11-28", "--activity", "ScenarioMIP", "--activity", "CMIP", "--variable-id", "tas",
        "--experiment", "ssp245", "--workers", "2", "--hours", "4",
    ];

    public static string[] With(params string[] args) => [.. args, .. Request];
}
