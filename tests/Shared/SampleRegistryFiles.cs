namespace Portal.Testing;

/// <summary>Catalogue files an admin imports in tests (shared by the test projects as a linked file).</summary>
internal static class SampleRegistryFiles
{
    /// <summary>
    /// One dataset as an Open Data Registry YAML file (the layout of the registry's datasets/*.yaml, see
    /// shared/reference/catalogue): id <c>example-reanalysis</c> from the file name, one S3 bucket in us-east-1.
    /// </summary>
    public const string ExampleReanalysisYaml = """
        Name: Example Reanalysis
        Description: Hourly fields on a regular grid.
        ManagedBy: Example Weather Service
        UpdateFrequency: Monthly
        Tags:
          - climate
          - netcdf
        License: Free to use.
        Resources:
          - Description: NetCDF files
            ARN: arn:aws:s3:::example-reanalysis/netcdf/
            Region: us-east-1
            Type: S3 Bucket
        """;

    public const string ExampleReanalysisFileName = "example-reanalysis.yaml";
}
