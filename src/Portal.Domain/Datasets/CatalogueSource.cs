namespace Portal.Domain.Datasets;

/// <summary>The formats the catalogue imports, and what an import of each does to the catalogue.</summary>
public enum CatalogueSource
{
    /// <summary>
    /// The registry's facts as CSV, one row per dataset and S3 resource (the portal's shipped catalogue is one):
    /// describes the whole registry, so it replaces every dataset but the curated ones.
    /// </summary>
    RegistryFacts,

    /// <summary>
    /// The registry's own dataset files (<c>datasets/&lt;slug&gt;.yaml</c>): adds the datasets they describe, or
    /// replaces those of the same slugs, and keeps the rest.
    /// </summary>
    RegistryYaml,
}
