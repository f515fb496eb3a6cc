namespace Portal.Infra.Catalogue;

/// <summary>
/// The catalogue the portal ships with: <c>Catalogue/Data/registry-datasets.csv</c>, registry facts made by
/// <c>scripts/catalogue/generate-registry-catalogue.sh</c> and embedded in the assembly.
/// </summary>
internal static class ShippedCatalogue
{
    public const string FileName = "registry-datasets.csv";
    private const string ResourceSuffix = ".Catalogue.Data." + FileName;

    public static Stream Open()
    {
        var assembly = typeof(ShippedCatalogue).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(resource)
               ?? throw new InvalidOperationException($"The embedded resource {resource} cannot be opened.");
    }
}
