using Portal.Domain.Datasets.Stores;

namespace Portal.Domain.Tests.Datasets.Stores;

public sealed class StoreIndexTests
{
    private const string Root = "s3://cmip6-pds/CMIP6/";

    // Eight stores: two activities, two tables, three variables, two grids.
    private static readonly StoreRecord[] Stores =
    [
        Store("CMIP", "NOAA-GFDL", "GFDL-ESM4", "historical", "r1i1p1f1", "Amon", "tas", "gr1", "20190726"),
        Store("CMIP", "NOAA-GFDL", "GFDL-ESM4", "historical", "r1i1p1f1", "Amon", "pr", "gr1", "20190726"),
        Store("CMIP", "NCAR", "CESM2", "historical", "r2i1p1f1", "Amon", "tasmax", "gn", "20190308"),
        Store("CMIP", "NCAR", "CESM2", "historical", "r2i1p1f1", "day", "tas", "gn", "20190308"),
        Store("ScenarioMIP", "NCAR", "CESM2", "ssp585", "r1i1p1f1", "Amon", "tas", "gn", "20200528"),
        Store("ScenarioMIP", "NCAR", "CESM2", "ssp585", "r1i1p1f1", "day", "pr", "gn", "20200528"),
        Store("ScenarioMIP", "MOHC", "UKESM1-0-LL", "ssp585", "r1i1p1f2", "day", "tas", "gn", "20190507"),
        Store("DCPP", "MOHC", "HadGEM3-GC31-MM", "dcppA-hindcast", "s1960-r1i1p1f2", "Amon", "pr", "gn", "20200417", 1960),
    ];

    private readonly StoreIndex _index = new(Stores);

    [Fact]
    public void Everything_matches_every_store_and_counts_every_value()
    {
        var result = _index.Query(StoreQuery.All);

        Assert.Equal(8, _index.Count);
        Assert.Equal(8, result.Matches);
        Assert.Equal([new("Amon", 5), new("day", 3)], result.Counts(StoreFacet.Table));
        Assert.Equal([new("pr", 3), new("tas", 4), new("tasmax", 1)], result.Counts(StoreFacet.Variable));
        Assert.Equal(Stores, result.Take(100));
    }

    [Fact]
    public void One_facet_keeps_its_own_alternatives_and_narrows_the_others()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Table, "day"));

        Assert.Equal(3, result.Matches);
        Assert.Equal([new("Amon", 5), new("day", 3)], result.Counts(StoreFacet.Table));
        Assert.Equal([new("pr", 1), new("tas", 2)], result.Counts(StoreFacet.Variable));
        Assert.Equal([new("CMIP", 1), new("ScenarioMIP", 2)], result.Counts(StoreFacet.Activity));
        Assert.All(result.Take(10), s => Assert.Equal("day", s.TableId));
    }

    [Fact]
    public void Several_values_of_one_facet_match_any_of_them()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Variable, "tasmax", "pr"));

        Assert.Equal(4, result.Matches);
        Assert.Equal(["pr", "tasmax", "pr", "pr"], result.Take(10).Select(s => s.VariableId));
    }

    [Fact]
    public void Facets_combine_with_and()
    {
        var query = StoreQuery.All
            .With(StoreFacet.Activity, "ScenarioMIP", "DCPP")
            .With(StoreFacet.Variable, "tas")
            .With(StoreFacet.Grid, "gn");

        var result = _index.Query(query);

        Assert.Equal(2, result.Matches);
        Assert.Equal([Stores[4], Stores[6]], result.Take(10));
        Assert.Equal([Stores[4], Stores[6]], _index.Matching(query));
    }

    [Fact]
    public void Each_facet_counts_every_filter_except_its_own()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Table, "Amon").With(StoreFacet.Variable, "tas"));

        Assert.Equal(2, result.Matches);
        // Tables: the stores of tas, whatever their table.
        Assert.Equal([new("Amon", 2), new("day", 2)], result.Counts(StoreFacet.Table));
        // Variables: the stores of Amon, whatever their variable.
        Assert.Equal([new("pr", 2), new("tas", 2), new("tasmax", 1)], result.Counts(StoreFacet.Variable));
        // Others: both filters.
        Assert.Equal([new("CMIP", 1), new("ScenarioMIP", 1)], result.Counts(StoreFacet.Activity));
        Assert.Equal([new("gn", 1), new("gr1", 1)], result.Counts(StoreFacet.Grid));
    }

    [Fact]
    public void A_selected_value_that_the_other_filters_empty_is_still_listed_at_zero()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Activity, "DCPP").With(StoreFacet.Table, "day"));

        Assert.Equal(0, result.Matches);
        Assert.Equal([new("CMIP", 1), new("DCPP", 0), new("ScenarioMIP", 2)], result.Counts(StoreFacet.Activity));
        Assert.Equal([new("Amon", 1), new("day", 0)], result.Counts(StoreFacet.Table));
        Assert.Empty(result.Take(10));
    }

    [Fact]
    public void An_unknown_value_matches_nothing_but_its_facet_still_shows_the_alternatives()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Variable, "no-such-variable"));

        Assert.Equal(0, result.Matches);
        Assert.Equal([new("pr", 3), new("tas", 4), new("tasmax", 1)], result.Counts(StoreFacet.Variable));
        Assert.Empty(result.Counts(StoreFacet.Table));
        Assert.Empty(_index.Matching(StoreQuery.All.With(StoreFacet.Variable, "no-such-variable")));
    }

    [Fact]
    public void Text_matches_a_facet_value_ignoring_case()
    {
        var result = _index.Query(StoreQuery.All.WithText("  TASM "));

        Assert.Equal(1, result.Matches);
        Assert.Equal("tasmax", Assert.Single(result.Take(10)).VariableId);
        Assert.Equal([new("tasmax", 1)], result.Counts(StoreFacet.Variable));
    }

    [Theory]
    [InlineData("v2020", 3)] // the version, only in the path
    [InlineData("CMIP6-PDS", 8)] // the root
    [InlineData("ncar/cesm2/ssp585", 2)] // across segments
    [InlineData("/day/", 3)]
    [InlineData("gn/v20190308", 2)]
    [InlineData("ssp585/r1i1p1f1/Amon/tas/gn/v20200528/", 1)]
    [InlineData("not-there", 0)]
    public void Text_matches_the_path(string text, int matches)
    {
        var result = _index.Query(StoreQuery.All.WithText(text));

        Assert.Equal(matches, result.Matches);
        Assert.Equal(
            Stores.Where(s => s.Path.Contains(text, StringComparison.OrdinalIgnoreCase)),
            result.Take(100));
    }

    [Fact]
    public void Text_applies_to_every_facet_count_and_combines_with_the_facets()
    {
        var query = StoreQuery.All.WithText("cesm").With(StoreFacet.Table, "Amon");

        var result = _index.Query(query);

        Assert.Equal(2, result.Matches);
        Assert.Equal([new("Amon", 2), new("day", 2)], result.Counts(StoreFacet.Table));
        Assert.Equal([new("tas", 1), new("tasmax", 1)], result.Counts(StoreFacet.Variable));
    }

    [Fact]
    public void A_path_of_another_layout_is_kept_whole_and_matched_by_text()
    {
        var odd = Stores[0] with { Path = "gs://elsewhere/tas-store.zarr" };
        var index = new StoreIndex([odd, Stores[1]]);

        Assert.Equal(odd, index.Query(StoreQuery.All.WithText("tas-store")).Take(1).Single());
        Assert.Equal(1, index.Query(StoreQuery.All.WithText("elsewhere/")).Matches);
        Assert.Equal(1, index.Query(StoreQuery.All.WithText("cmip6-pds")).Matches);
    }

    [Fact]
    public void Records_come_back_as_they_went_in()
    {
        var dcpp = Assert.Single(_index.Matching(StoreQuery.All.With(StoreFacet.Activity, "DCPP")));

        Assert.Equal(Stores[7], dcpp);
        Assert.Equal(1960, dcpp.DcppInitYear);
        Assert.Equal(Root + "DCPP/MOHC/HadGEM3-GC31-MM/dcppA-hindcast/s1960-r1i1p1f2/Amon/pr/gn/v20200417/", dcpp.Path);
    }

    [Fact]
    public void Take_returns_the_first_matches_in_catalogue_order()
    {
        var result = _index.Query(StoreQuery.All.With(StoreFacet.Variable, "tas", "pr"));

        Assert.Equal([Stores[0], Stores[1], Stores[3]], result.Take(3));
        Assert.Empty(result.Take(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Take(-1));
    }

    [Fact]
    public void Values_are_distinct_in_ordinal_order()
    {
        Assert.Equal(["CMIP", "DCPP", "ScenarioMIP"], _index.Values(StoreFacet.Activity));
        Assert.Equal(["MOHC", "NCAR", "NOAA-GFDL"], _index.Values(StoreFacet.Institution));
        Assert.Equal(["gn", "gr1"], _index.Values(StoreFacet.Grid));
    }

    [Fact]
    public void The_empty_index_matches_nothing()
    {
        var result = StoreIndex.Empty.Query(StoreQuery.All.With(StoreFacet.Table, "Amon").WithText("tas"));

        Assert.Equal(0, StoreIndex.Empty.Count);
        Assert.Equal(0, result.Matches);
        Assert.All(StoreFacets.All, f => Assert.Empty(result.Counts(f)));
        Assert.All(StoreFacets.All, f => Assert.Empty(StoreIndex.Empty.Values(f)));
        Assert.Empty(result.Take(10));
        Assert.Equal(0, StoreIndex.Empty.Query(StoreQuery.All).Matches);
    }

    [Fact]
    public void Refuses_null_input()
    {
        Assert.Throws<ArgumentNullException>(() => new StoreIndex(null!));
        Assert.Throws<ArgumentException>(() => new StoreIndex([Stores[0], null!]));
        Assert.Throws<ArgumentException>(() => new StoreIndex([Stores[0] with { Path = null! }]));
        Assert.Throws<ArgumentNullException>(() => _index.Query(null!));
        Assert.Throws<ArgumentNullException>(() => _index.Matching(null!));
        Assert.Throws<ArgumentNullException>(() => StoreQuery.All.With(StoreFacet.Table, null!));
        Assert.Throws<ArgumentNullException>(() => StoreQuery.All.With(StoreFacet.Table, "Amon", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => StoreQuery.All.With((StoreFacet)42, "Amon"));
    }

    [Fact]
    public void Queries_are_immutable_and_say_what_they_ask()
    {
        var day = StoreQuery.All.With(StoreFacet.Table, "day", "Amon");
        var text = day.WithText("tas");

        Assert.Empty(StoreQuery.All.Selected(StoreFacet.Table));
        Assert.Equal("", day.Text);
        Assert.Equal("table_id in (Amon, day) and text \"tas\"", text.ToString());
        Assert.True(text.Without(StoreFacet.Table).WithText(null).IsEverything);
        Assert.Equal("everything", StoreQuery.All.ToString());
    }

    [Fact]
    public void Facets_name_their_catalogue_columns()
    {
        Assert.Equal(
            ["activity_id", "institution_id", "source_id", "experiment_id", "member_id", "table_id", "variable_id", "grid_label"],
            StoreFacets.All.Select(f => f.ColumnName()));
        Assert.True(StoreFacets.TryParseColumn("grid_label", out var grid));
        Assert.Equal(StoreFacet.Grid, grid);
        Assert.False(StoreFacets.TryParseColumn("zstore", out _));
    }

    [Theory]
    [InlineData(StoreIndex.DefaultMaximumPairCells)]
    [InlineData(0)] // no pair table: every count row by row
    [InlineData(30)] // some pairs only
    public void Agrees_with_a_plain_scan_on_random_catalogues_and_queries(int maximumPairCells)
    {
        var random = new Random(20261210);
        // Over 4,096 rows, so frequent values get bitsets too.
        var stores = Enumerable.Range(0, 5000).Select(_ => RandomStore(random)).ToList();
        var index = new StoreIndex(stores, maximumPairCells);

        for (var q = 0; q < 200; q++)
        {
            var query = RandomQuery(random, index);
            var result = index.Query(query);

            var expected = stores.Where(s => Passes(s, query, except: null)).ToList();
            Assert.Equal(expected.Count, result.Matches);
            Assert.Equal(expected.Take(7), result.Take(7));
            foreach (var facet in StoreFacets.All)
            {
                var counts = stores
                    .Where(s => Passes(s, query, except: facet))
                    .GroupBy(s => s.Value(facet))
                    .Select(g => new FacetCount(g.Key, g.Count()))
                    .Concat(query.Selected(facet).Where(v => index.Values(facet).Contains(v)).Select(v => new FacetCount(v, 0)))
                    .GroupBy(c => c.Value, (value, cs) => new FacetCount(value, cs.Max(c => c.Count)))
                    .OrderBy(c => c.Value, StringComparer.Ordinal);
                Assert.Equal(counts, result.Counts(facet));
            }
        }
    }

    private static bool Passes(StoreRecord store, StoreQuery query, StoreFacet? except) =>
        StoreFacets.All.All(f => f == except || query.Selected(f).Count == 0 || query.Selected(f).Contains(store.Value(f)))
        && (!query.HasText
            || StoreFacets.All.Any(f => store.Value(f).Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            || store.Path.Contains(query.Text, StringComparison.OrdinalIgnoreCase));

    private static StoreQuery RandomQuery(Random random, StoreIndex index)
    {
        var query = StoreQuery.All;
        foreach (var facet in StoreFacets.All.Where(_ => random.Next(4) == 0))
        {
            var values = index.Values(facet);
            var picks = Enumerable.Range(0, random.Next(1, 4)).Select(_ => values[random.Next(values.Count)]);
            query = query.With(facet, random.Next(10) == 0 ? picks.Append("unknown") : picks);
        }

        string[] texts = ["a", "TAS", "/Amon/", "v2", "r1", "cmip", "zz", "1/A"];
        return random.Next(3) == 0 ? query.WithText(texts[random.Next(texts.Length)]) : query;
    }

    private static StoreRecord RandomStore(Random random)
    {
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var store = Store(
            Pick("CMIP", "ScenarioMIP", "DCPP", "HighResMIP"),
            Pick("NCAR", "MOHC", "IPSL"),
            Pick("CESM2", "UKESM1-0-LL", "IPSL-CM6A-LR", "CESM2-WACCM"),
            Pick("historical", "ssp585", "ssp245", "piControl"),
            Pick("r1i1p1f1", "r2i1p1f1", "r1i1p1f2"),
            Pick("Amon", "day", "Omon", "3hr", "6hrPlev"),
            Pick("tas", "pr", "tasmax", "ua", "va", "zg"),
            Pick("gn", "gr", "gr1"),
            Pick("20190308", "20200101", ""),
            random.Next(5) == 0 ? 1960 + random.Next(10) : null);
        return random.Next(50) == 0 ? store with { Path = $"gs://other/{store.VariableId}.zarr" } : store;
    }

    private static StoreRecord Store(
        string activity, string institution, string source, string experiment, string member, string table,
        string variable, string grid, string version, int? year = null) =>
        new(activity, institution, source, experiment, member, table, variable, grid,
            $"{Root}{activity}/{institution}/{source}/{experiment}/{member}/{table}/{variable}/{grid}/{(version.Length > 0 ? $"v{version}/" : "")}",
            year, version);
}
