using Portal.Domain.Datasets;
using Portal.Web.Components.Datasets;

namespace Portal.Web.Tests.Components.Datasets;

/// <summary>The search the Explore page and the map share follows an admin's enable and disable at once.</summary>
public sealed class DatasetSearchCacheTests
{
    [Fact]
    public void A_dataset_an_admin_disables_leaves_the_shared_search_and_comes_back_when_enabled()
    {
        var catalog = DatasetCatalog.Default;
        var cache = new DatasetSearchCache();
        Assert.Contains(cache.For(catalog).Find(DatasetFilter.None), d => d.Id == DatasetCatalog.Cmip6);
        var region = catalog.Get(DatasetCatalog.Cmip6).Location.Region;
        var inRegion = cache.For(catalog).CountByRegion(DatasetFilter.None).GetValueOrDefault(region);
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        catalog.Override(new DatasetOverride(DatasetCatalog.Cmip6, false, null, null, null, "grace", at));

        Assert.DoesNotContain(cache.For(catalog).Find(DatasetFilter.None), d => d.Id == DatasetCatalog.Cmip6);
        Assert.Equal(inRegion - 1, cache.For(catalog).CountByRegion(DatasetFilter.None).GetValueOrDefault(region));

        catalog.Override(new DatasetOverride(DatasetCatalog.Cmip6, true, "CMIP6 on AWS", null, null, "grace", at));

        var back = Assert.Single(cache.For(catalog).Find(DatasetFilter.None), d => d.Id == DatasetCatalog.Cmip6);
        Assert.Equal("CMIP6 on AWS", back.Name);
    }
}
