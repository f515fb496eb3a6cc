using System.Globalization;
using System.Text;

namespace Portal.Benchmarks.Catalogue;

/// <summary>
/// A deterministic CMIP6-style intake-esm CSV of any size, with the cardinalities of the real Pangeo catalogue's
/// facets (about 20 activities, 40 institutions, 100 sources, 60 experiments, 300 members, 40 tables, 800
/// variables, 6 grids) and skewed frequencies: a few values (CMIP, historical, Amon, tas, gn…) hold most rows.
/// </summary>
internal static class SyntheticCatalogue
{
    public const string Header = "activity_id,institution_id,source_id,experiment_id,member_id,table_id,variable_id,grid_label,zstore,dcpp_init_year,version";

    private static readonly string[] Activities =
    [
        "CMIP", "ScenarioMIP", "HighResMIP", "DCPP", "DAMIP", "AerChemMIP", "CFMIP", "PMIP", "LUMIP", "C4MIP",
        "OMIP", "RFMIP", "GMMIP", "LS3MIP", "PAMIP", "GeoMIP", "ISMIP6", "FAFMIP", "CDRMIP", "VolMIP",
    ];

    private static readonly string[] Institutions =
    [
        "NCAR", "NOAA-GFDL", "MOHC", "IPSL", "CNRM-CERFACS", "MPI-M", "MIROC", "EC-Earth-Consortium", "CCCma", "MRI",
        "CSIRO", "NASA-GISS", "BCC", "E3SM-Project", "NCC", "AWI", "CAS", "CMCC", "NUIST", "INM",
        "THU", "SNU", "NIMS-KMA", "KIOST", "FIO-QLNM", "CAMS", "AS-RCEC", "CCCR-IITM", "CSIRO-ARCCSS", "HAMMOZ-Consortium",
        "NERC", "UA", "DKRZ", "DWD", "ECMWF", "MESSy-Consortium", "NIWA", "SMHI", "UCI", "UHH",
    ];

    private static readonly string[] RealTables =
    [
        "Amon", "Omon", "day", "SImon", "Lmon", "Emon", "3hr", "6hrPlev", "Oday", "AERmon",
        "CFmon", "Eday", "fx", "Ofx", "LImon", "SIday", "6hrPlevPt", "E3hr", "CFday", "Oyr",
    ];

    private static readonly string[] RealVariables =
    [
        "tas", "pr", "tos", "psl", "ts", "uas", "vas", "huss", "tasmax", "tasmin",
        "ta", "ua", "va", "zg", "hus", "rsut", "rlut", "rsds", "rlds", "clt",
        "so", "thetao", "uo", "vo", "zos", "siconc", "sithick", "mrso", "lai", "gpp",
    ];

    private static readonly string[] RealExperiments =
    [
        "historical", "ssp585", "ssp245", "piControl", "ssp126", "ssp370", "abrupt-4xCO2", "1pctCO2", "amip", "dcppA-hindcast",
        "hist-1950", "control-1950", "highresSST-present", "ssp119", "ssp434", "ssp460", "esm-hist", "esm-piControl", "hist-GHG", "hist-aer",
    ];

    private static readonly string[] Grids = ["gn", "gr", "gr1", "gm", "gr2", "gnz"];

    public static string[] Tables { get; } = [.. RealTables, .. Enumerable.Range(1, 20).Select(i => $"T{i:00}mon")];

    public static string[] Variables { get; } = [.. RealVariables, .. Enumerable.Range(1, 770).Select(i => $"var{i:000}")];

    public static string[] Experiments { get; } = [.. RealExperiments, .. Enumerable.Range(1, 40).Select(i => $"exp-{i:00}")];

    /// <summary>Each source belongs to one institution, as in CMIP6: source n to institution n mod 40.</summary>
    public static string[] Sources { get; } = [.. Enumerable.Range(0, 100).Select(i => $"{Institutions[i % Institutions.Length]}-M{i / Institutions.Length + 1}")];

    public static string[] Members { get; } =
        [.. Enumerable.Range(1, 100).SelectMany(r => Enumerable.Range(1, 3).Select(f => $"r{r}i1p1f{f}"))];

    /// <summary>Writes <paramref name="rows"/> stores to <paramref name="path"/>; the same rows for the same count, every time.</summary>
    public static void Write(string path, int rows)
    {
        var random = new Random(20261210);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        var line = new StringBuilder(256);
        for (var row = 0; row < rows; row++)
        {
            var activity = Skewed(random, Activities);
            var sourceIndex = SkewedIndex(random, Sources.Length);
            var source = Sources[sourceIndex];
            var institution = Institutions[sourceIndex % Institutions.Length];
            var experiment = activity == "DCPP" ? "dcppA-hindcast" : Skewed(random, Experiments);
            var member = Skewed(random, Members);
            var table = Skewed(random, Tables);
            var variable = Skewed(random, Variables);
            var grid = Skewed(random, Grids);
            var year = activity == "DCPP" ? (1960 + random.Next(60)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            var version = new DateOnly(2018, 1, 1).AddDays(random.Next(6 * 365)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            line.Clear()
                .Append(activity).Append(',').Append(institution).Append(',').Append(source).Append(',')
                .Append(experiment).Append(',').Append(member).Append(',').Append(table).Append(',')
                .Append(variable).Append(',').Append(grid).Append(",s3://cmip6-pds/CMIP6/")
                .Append(activity).Append('/').Append(institution).Append('/').Append(source).Append('/')
                .Append(experiment).Append('/').Append(member).Append('/').Append(table).Append('/')
                .Append(variable).Append('/').Append(grid).Append("/v").Append(version).Append("/,")
                .Append(year).Append(',').Append(version);
            writer.WriteLine(line);
        }
    }

    private static string Skewed(Random random, string[] values) => values[SkewedIndex(random, values.Length)];

    /// <summary>Low indices are frequent: the first value gets about a fifth of the rows when there are many.</summary>
    private static int SkewedIndex(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));
}
