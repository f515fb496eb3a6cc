using Portal.Domain.Datasets;

namespace Portal.Domain.Tests.Datasets;

/// <summary>The admins' changes laid over the catalogue: disabled datasets hidden from users, display fields replaced.</summary>
public sealed class DatasetOverrideTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static DatasetOverride Disabled(DatasetId id) => new(id, false, null, null, null, "grace", At);

    [Fact]
    public void A_disabled_dataset_is_hidden_from_users_but_kept_for_admins_old_sessions_and_its_regions_foundation()
    {
        var catalog = DatasetCatalog.Default;
        var region = catalog.Get(DatasetCatalog.Cmip6).Location.Region;
        var countBefore = catalog.CountsByRegion[region];

        catalog.Override(Disabled(DatasetCatalog.Cmip6));

        Assert.DoesNotContain(catalog.All, d => d.Id == DatasetCatalog.Cmip6);
        Assert.Contains(catalog.In(region), d => d.Id == DatasetCatalog.Cmip6);
        Assert.Equal(countBefore, catalog.CountsByRegion[region]);
        Assert.False(catalog.TryGet(DatasetCatalog.Cmip6, out _));
        Assert.True(catalog.TryGetAny(DatasetCatalog.Cmip6, out _));
        Assert.True(catalog.IsDisabled(DatasetCatalog.Cmip6));
        Assert.Contains(catalog.Everything, d => d.Id == DatasetCatalog.Cmip6);
        var refused = Assert.Throws<DomainException>(() => catalog.Get(DatasetCatalog.Cmip6));
        Assert.Equal("The dataset 'cmip6' has been disabled by an admin; choose another.", refused.Message);
    }

    [Fact]
    public void An_import_replacing_the_datasets_keeps_the_admins_changes()
    {
        var catalog = DatasetCatalog.Default;
        catalog.Override(Disabled(DatasetCatalog.Cmip6));
        catalog.Override(new DatasetOverride(DatasetCatalog.Era5, true, "ERA5 renamed", "New words.", ["reanalysis"], "grace", At));
        var version = catalog.Version;

        catalog.Replace(DatasetCatalog.Curated);

        Assert.True(catalog.Version > version);
        Assert.True(catalog.IsDisabled(DatasetCatalog.Cmip6));
        var era5 = catalog.Get(DatasetCatalog.Era5);
        Assert.Equal(("ERA5 renamed", "New words."), (era5.Name, era5.Description));
        Assert.Equal(["reanalysis"], era5.Tags);
        Assert.Equal(DatasetCatalog.Curated.Single(d => d.Id == DatasetCatalog.Era5).Name, catalog.Imported.Single(d => d.Id == DatasetCatalog.Era5).Name);
    }

    [Fact]
    public void Replacing_the_overrides_with_none_enables_every_dataset_again()
    {
        var catalog = DatasetCatalog.Default;
        catalog.Override(Disabled(DatasetCatalog.Cmip6));

        catalog.ReplaceOverrides([]);

        Assert.Equal(DatasetCatalog.Curated.Count, catalog.All.Count);
        Assert.False(catalog.IsDisabled(DatasetCatalog.Cmip6));
    }

    [Fact]
    public void The_display_draft_trims_lowers_and_deduplicates_tags_and_names_each_wrong_field()
    {
        var (display, errors) = new DatasetDisplayDraft("  ERA5  ", null, " Climate, climate ,, Reanalysis ").Check();

        Assert.Empty(errors);
        Assert.Equal(("ERA5", string.Empty), (display!.Title, display.Description));
        Assert.Equal(["climate", "reanalysis"], display.Tags);

        var (none, wrong) = new DatasetDisplayDraft(new string('t', 121), new string('d', 2001), string.Join(',', Enumerable.Range(0, 21))).Check();

        Assert.Null(none);
        Assert.Equal("The title must be 1 to 120 characters long.", wrong[DatasetDisplayDraft.TitleField]);
        Assert.Equal("The description must be at most 2000 characters long (it is 2001).", wrong[DatasetDisplayDraft.DescriptionField]);
        Assert.Equal("At most 20 tags (there are 21).", wrong[DatasetDisplayDraft.TagsField]);
        Assert.Empty(new DatasetDisplayDraft(new string('t', 120), new string('d', 2000), string.Join(',', Enumerable.Range(0, 20))).Check().Errors);
    }

    [Fact]
    public void The_diff_names_added_removed_unchanged_and_each_changed_field()
    {
        var era5 = DatasetCatalog.Default.Get(DatasetCatalog.Era5);
        var cmip6 = DatasetCatalog.Default.Get(DatasetCatalog.Cmip6);
        var added = era5 with { Id = DatasetId.Parse("new-one") };
        var before = new[] { era5, cmip6, DatasetCatalog.Default.Get(DatasetCatalog.Cesm2Lens) };
        var after = new[] { era5 with { Name = "ERA5 v2", Tags = ["a", "b"] }, cmip6, added };

        var diff = CatalogueDiff.Between(before, after);

        Assert.Equal([added], diff.Added);
        Assert.Equal([DatasetCatalog.Cesm2Lens], diff.Removed.Select(d => d.Id));
        Assert.Equal(1, diff.Unchanged);
        var change = Assert.Single(diff.Changed);
        Assert.Equal(
            [new FieldChange("Name", era5.Name, "ERA5 v2"), new FieldChange("Tags", string.Join(", ", era5.Tags), "a, b")],
            change.Fields);
    }
}
