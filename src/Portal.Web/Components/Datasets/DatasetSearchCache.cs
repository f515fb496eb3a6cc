using Portal.Domain.Datasets;

namespace Portal.Web.Components.Datasets;

/// <summary>
/// One <see cref="DatasetSearch"/> per catalogue version, shared by every circuit: the search indexes the whole registry
/// once, not once per page view; an import (a new version) builds a new one.
/// </summary>
public sealed class DatasetSearchCache
{
    private (DatasetCatalog Catalog, int Version, DatasetSearch Search)? _current;
    private readonly Lock _gate = new();

    public DatasetSearch For(DatasetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        lock (_gate)
        {
            if (_current is not { } current || !ReferenceEquals(current.Catalog, catalog) || current.Version != catalog.Version)
            {
                // Read the version before the datasets: a replacement in between only makes the next call rebuild.
                var version = catalog.Version;
                current = (catalog, version, new DatasetSearch(catalog.All));
                _current = current;
            }

            return current.Search;
        }
    }
}
