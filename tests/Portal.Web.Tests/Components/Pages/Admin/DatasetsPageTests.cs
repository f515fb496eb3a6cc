using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Datasets;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

public sealed class DatasetsPageTests : PortalTestContext
{
    public DatasetsPageTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("grace");
            auth.SetRoles(PortalRoles.Admin);
        })
    {
    }

    private DatasetCatalog Catalog => Services.GetRequiredService<DatasetCatalog>();

    /// <summary>The shipped curated datasets, then enough made-up ones to need three pages.</summary>
    private void UseManyDatasets(int count)
    {
        var era5 = Catalog.Get(DatasetCatalog.Era5);
        Catalog.Replace([.. DatasetCatalog.Curated, .. Enumerable.Range(1, count).Select(i => era5 with
        {
            Id = DatasetId.Parse($"made-up-{i:000}"),
            Name = $"Made-up dataset {i}",
            Tags = i % 10 == 0 ? ["ocean"] : ["climate"],
        })]);
    }

    [Fact]
    public void Lists_the_first_page_of_every_dataset_and_pages_through_the_rest()
    {
        UseManyDatasets(120);
        var total = Catalog.All.Count;

        var cut = Render<DatasetsPage>();

        Assert.Equal("Datasets", cut.Find("h1").TextContent);
        Assert.Equal(DatasetsPage.PageSize, cut.FindAll("[data-testid^=dataset-row-]").Count);
        Assert.Equal($"Datasets 1 to 50 of {total}.", cut.Find("[data-testid=datasets-count]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=datasets-pages]"));
    }

    [Fact]
    public void Search_narrows_the_list_by_tag_name_or_id_and_says_when_nothing_matches()
    {
        UseManyDatasets(120);
        var cut = Render<DatasetsPage>();

        cut.Find("#datasets-search").Input("ocean");

        Assert.Equal(Catalog.All.Count(d => d.Tags.Contains("ocean") || d.Name.Contains("ocean", StringComparison.OrdinalIgnoreCase)),
            cut.FindAll("[data-testid^=dataset-row-]").Count);
        Assert.NotNull(cut.Find("[data-testid=dataset-row-made-up-010]"));
        Assert.Empty(cut.FindAll("[data-testid=dataset-row-made-up-011]"));

        cut.Find("#datasets-search").Input("no such dataset anywhere");

        Assert.Equal("No dataset matches.", cut.Find("[data-testid=datasets-count]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid^=dataset-row-]"));
    }
}
