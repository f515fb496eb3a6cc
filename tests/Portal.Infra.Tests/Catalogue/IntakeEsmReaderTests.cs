using System.IO.Compression;
using System.Text;
using Portal.Domain.Datasets.Stores;
using Portal.Infra.Catalogue;

namespace Portal.Infra.Tests.Catalogue;

public sealed class IntakeEsmReaderTests : IDisposable
{
    private const string Header = "activity_id,institution_id,source_id,experiment_id,member_id,table_id,variable_id,grid_label,zstore,dcpp_init_year,version";
    private const string Tas = "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,tas,gn,s3://cmip6-pds/CMIP6/CMIP/NCAR/CESM2/historical/r1i1p1f1/Amon/tas/gn/v20190308/,,20190308";
    private const string Pr = "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,pr,gn,gs://cmip6/CMIP6/CMIP/NCAR/CESM2/historical/r1i1p1f1/Amon/pr/gn/v20190308/,,20190308";
    private const string Hindcast = "DCPP,MOHC,HadGEM3-GC31-MM,dcppA-hindcast,s1960-r1i1p1f2,Amon,pr,gn,CMIP6/DCPP/MOHC/HadGEM3-GC31-MM/dcppA-hindcast/s1960-r1i1p1f2/Amon/pr/gn/v20200417/,1960.0,20200417";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("portal-intake-esm-");
    private readonly List<ImportProblem> _problems = [];

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Reads_every_column_of_a_good_csv()
    {
        var path = Write("stores.csv", Header, Tas, Pr, Hindcast);

        var stores = IntakeEsmReader.Read(path, _problems).ToList();

        Assert.Empty(_problems);
        Assert.Equal(3, stores.Count);
        Assert.Equal(
            new StoreRecord("CMIP", "NCAR", "CESM2", "historical", "r1i1p1f1", "Amon", "tas", "gn",
                "s3://cmip6-pds/CMIP6/CMIP/NCAR/CESM2/historical/r1i1p1f1/Amon/tas/gn/v20190308/", null, "20190308"),
            stores[0]);
        Assert.StartsWith("gs://cmip6/", stores[1].Path, StringComparison.Ordinal);
        Assert.Equal(1960, stores[2].DcppInitYear);
        Assert.Equal("CMIP6/DCPP/MOHC/HadGEM3-GC31-MM/dcppA-hindcast/s1960-r1i1p1f2/Amon/pr/gn/v20200417/", stores[2].Path);
    }

    [Fact]
    public void Optional_columns_may_be_absent_and_columns_in_any_order()
    {
        var path = Write(
            "short.csv",
            "zstore,variable_id,grid_label,table_id,member_id,experiment_id,source_id,institution_id,activity_id",
            "s3://cmip6-pds/x/,tas,gn,Amon,r1i1p1f1,historical,CESM2,NCAR,CMIP");

        var store = Assert.Single(IntakeEsmReader.Read(path, _problems));

        Assert.Empty(_problems);
        Assert.Equal(("CMIP", "tas", "s3://cmip6-pds/x/"), (store.ActivityId, store.VariableId, store.Path));
        Assert.Null(store.DcppInitYear);
        Assert.Equal("", store.Version);
    }

    [Fact]
    public void Reads_the_csv_that_an_esm_collection_description_names_with_its_asset_column()
    {
        Write("ours.csv", Header.Replace("zstore", "store_url", StringComparison.Ordinal), Tas, Hindcast);
        var json = WriteDescription("ours.json", catalogFile: "ours.csv", assetColumn: "store_url");

        var stores = IntakeEsmReader.Read(json, _problems).ToList();

        Assert.Empty(_problems);
        Assert.Equal(["tas", "pr"], stores.Select(s => s.VariableId));
        using var stream = File.OpenRead(json);
        var description = IntakeEsmReader.ReadCollection(stream, json, _problems);
        Assert.NotNull(description);
        Assert.Equal(("0.1.0", "ours", "store_url", "zarr"), (description.EsmcatVersion, description.Id, description.AssetColumn, description.Format));
        Assert.Equal("ours.csv", description.CatalogFile);
        Assert.Contains("activity_id", description.Attributes);
    }

    [Fact]
    public void Reads_gzipped_csv_alone_and_through_a_description()
    {
        WriteGzip("stores.csv.gz", Header, Tas, Pr);
        var json = WriteDescription("gz.json", catalogFile: "stores.csv.gz", assetColumn: "zstore");

        var alone = IntakeEsmReader.Read(Path.Combine(_folder.FullName, "stores.csv.gz"), _problems).ToList();
        var described = IntakeEsmReader.Read(json, _problems).ToList();

        Assert.Empty(_problems);
        Assert.Equal(["tas", "pr"], alone.Select(s => s.VariableId));
        Assert.Equal(alone, described);
    }

    [Fact]
    public void Reports_each_malformed_row_with_its_file_and_line_and_reads_on()
    {
        var path = Write(
            "bad.csv",
            Header,
            Tas,                                                                   // 2
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,tas,gn",                     // 3: too few fields
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,,gn,s3://b/x/,,",              // 4: empty variable_id
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,ua,gn,https://b/x/,,",         // 5: not s3/gs/relative
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,va,gn,/data/x/,,",             // 6: absolute
            "DCPP,MOHC,HadGEM3,dcppA-hindcast,s1960-r1,Amon,pr,gn,s3://b/y/,nineteen,", // 7: bad year
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,zg,gn,s3://b/z/,,\"multi",    // 8-9: a version with a line break, fine
            "line\"",
            "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,,gn,,1960.5,",                   // 10: three things wrong
            Pr);                                                                   // 11

        var stores = IntakeEsmReader.Read(path, _problems).ToList();

        Assert.Equal(["tas", "zg", "pr"], stores.Select(s => s.VariableId));
        Assert.Equal("multi\nline", stores[1].Version);
        Assert.All(_problems, p => Assert.Equal(path, p.File));
        Assert.Equal([3, 4, 5, 6, 7, 10], _problems.Select(p => p.Line));
        Assert.Contains("8 fields; the header has 11", _problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("variable_id is empty", _problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'https://b/x/' is not an s3://, gs:// or relative path", _problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("'/data/x/'", _problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("dcpp_init_year 'nineteen' is not a year", _problems[4].Message, StringComparison.Ordinal);
        Assert.Equal("variable_id is empty; zstore is empty; dcpp_init_year '1960.5' is not a year; the row is skipped.", _problems[5].Message);
    }

    [Fact]
    public void Reports_and_skips_a_row_with_malformed_quoting()
    {
        var path = Write("quotes.csv", Header, Tas, "CMIP,NC\"AR,CESM2,historical,r1i1p1f1,Amon,ua,gn,s3://b/x/,,", Pr);

        var stores = IntakeEsmReader.Read(path, _problems).ToList();

        Assert.Equal(["tas", "pr"], stores.Select(s => s.VariableId));
        var problem = Assert.Single(_problems);
        Assert.Equal((path, 3), (problem.File, problem.Line));
        Assert.Contains("Malformed quoting", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_one_problem_and_no_rows()
    {
        var path = Write("missing.csv", Header.Replace("variable_id,", "", StringComparison.Ordinal).Replace("zstore", "url", StringComparison.Ordinal), "CMIP,NCAR,CESM2,historical,r1i1p1f1,Amon,gn,s3://b/x/,,");

        var stores = IntakeEsmReader.Read(path, _problems).ToList();

        Assert.Empty(stores);
        var problem = Assert.Single(_problems);
        Assert.Equal((path, 1), (problem.File, problem.Line));
        Assert.Equal("Missing required columns: variable_id, zstore; no row is read.", problem.Message);
    }

    [Fact]
    public void A_csv_alone_may_name_its_stores_path()
    {
        var path = Write("paths.csv", Header.Replace("zstore", "path", StringComparison.Ordinal), Tas);

        Assert.Equal("tas", Assert.Single(IntakeEsmReader.Read(path, _problems)).VariableId);
        Assert.Empty(_problems);
    }

    [Fact]
    public void With_a_format_column_only_zarr_assets_are_stores()
    {
        Write(
            "mixed.csv",
            "activity_id,institution_id,source_id,experiment_id,member_id,table_id,variable_id,grid_label,format,path",
            "CMIP,BCC,BCC-ESM1,piControl,r1i1p1f1,Amon,tasmax,gn,netcdf,./data/tasmax_Amon.nc",
            "CMIP,BCC,BCC-ESM1,piControl,r1i1p1f1,Amon,tasmin,gn,zarr,gs://cmip6/CMIP6/CMIP/BCC/BCC-ESM1/piControl/r1i1p1f1/Amon/tasmin/gn/v20181214/");
        var json = WriteDescription("mixed.json", catalogFile: "mixed.csv", assetColumn: "path", format: null, formatColumn: "format");

        var store = Assert.Single(IntakeEsmReader.Read(json, _problems));

        Assert.Equal("tasmin", store.VariableId);
        var problem = Assert.Single(_problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("netcdf, not a Zarr store", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "Not valid JSON")]
    [InlineData("[]", "not an object")]
    [InlineData("""{ "catalog_file": "x.csv" }""", "needs catalog_file and assets.column_name")]
    [InlineData("""{ "catalog_file": "gs://cmip6/x.csv", "assets": { "column_name": "zstore" } }""", "not a file beside the description")]
    [InlineData("""{ "catalog_file": "absent.csv", "assets": { "column_name": "zstore" } }""", "Cannot be read")]
    [InlineData("""{ "catalog_file": "x.csv", "assets": { "column_name": "path", "format": "netcdf" } }""", "not Zarr stores")]
    public void A_description_that_leads_to_no_csv_is_one_problem(string json, string message)
    {
        var path = Write("broken.json", json);

        Assert.Empty(IntakeEsmReader.Read(path, _problems));

        var problem = Assert.Single(_problems);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_an_empty_one_is_one_problem()
    {
        Assert.Empty(IntakeEsmReader.Read(Path.Combine(_folder.FullName, "absent.csv"), _problems));
        Assert.Empty(IntakeEsmReader.Read(Write("empty.csv"), _problems));
        Assert.Empty(IntakeEsmReader.Read(Write("not-gzip.csv.gz", Header, Tas), _problems));

        Assert.Equal(3, _problems.Count);
        Assert.Contains("Cannot be read", _problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_the_csv_rather_than_reading_it_whole()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => Tas.Replace("r1i1p1f1", $"r{i}i1p1f1", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines.Prepend(Header)));
        using var stream = new CountingStream(new MemoryStream(bytes));

        var first = IntakeEsmReader.ReadCsv(stream, "big.csv", _problems).First();

        Assert.Equal("r0i1p1f1", first.MemberId);
        Assert.InRange(stream.BytesRead, 1, bytes.Length / 10);
    }

    [Fact]
    public void The_shipped_catalogue_reads_without_problems_and_every_store_is_in_cmip6_pds()
    {
        var stores = ShippedStoreCatalogue.Read(_problems).ToList();

        Assert.Empty(_problems);
        Assert.True(stores.Count > 3000, $"{stores.Count} stores");
        Assert.All(stores, s => Assert.StartsWith("s3://cmip6-pds/CMIP6/", s.Path, StringComparison.Ordinal));
        Assert.Equal(stores.Count, stores.Select(s => s.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.All(stores, s => Assert.EndsWith($"/{s.TableId}/{s.VariableId}/{s.GridLabel}/v{s.Version}/", s.Path, StringComparison.Ordinal));

        using var json = ShippedStoreCatalogue.OpenDescription();
        Assert.Equal("cmip6-stores.csv", IntakeEsmReader.ReadCollection(json, ShippedStoreCatalogue.DescriptionFileName, _problems)?.CatalogFile);
    }

    [Fact]
    public void The_shipped_catalogue_loads_into_an_index_that_finds_its_stores()
    {
        var index = ShippedStoreCatalogue.LoadIndex();

        var tos = index.Query(StoreQuery.All.With(StoreFacet.Variable, "tos").With(StoreFacet.Source, "GFDL-ESM4"));

        Assert.True(index.Count > 3000);
        Assert.InRange(tos.Matches, 1, index.Count - 1);
        Assert.All(tos.Take(50), s => Assert.StartsWith("s3://cmip6-pds/CMIP6/", s.Path, StringComparison.Ordinal));
        Assert.Contains(tos.Take(int.MaxValue), s =>
            s.Path == "s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r2i1p1f1/Omon/tos/gr/v20180701/");
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, lines.Length == 0 ? "" : string.Join('\n', lines) + "\n");
        return path;
    }

    private void WriteGzip(string name, params string[] lines)
    {
        using var file = File.Create(Path.Combine(_folder.FullName, name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    private string WriteDescription(string name, string catalogFile, string assetColumn, string? format = "zarr", string? formatColumn = null) =>
        Write(name, $$"""
            {
              "esmcat_version": "0.1.0",
              "id": "ours",
              "description": "Test stores",
              "catalog_file": "{{catalogFile}}",
              "attributes": [ { "column_name": "activity_id", "vocabulary": "" }, { "column_name": "source_id" } ],
              "assets": { "column_name": "{{assetColumn}}", "format": {{Json(format)}}, "format_column_name": {{Json(formatColumn)}} }
            }
            """);

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";

    /// <summary>Counts the bytes the reader has taken from the underlying stream.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
