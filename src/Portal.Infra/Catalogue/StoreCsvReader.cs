using System.Globalization;
using CsvHelper;
using Portal.Domain.Datasets.Stores;

namespace Portal.Infra.Catalogue;

/// <summary>One pass over one intake-esm CSV: checks the header, then turns each good row into a <see cref="StoreRecord"/>.</summary>
internal sealed class StoreCsvReader(string fileName, ICollection<ImportProblem> problems, string? assetColumn, string? formatColumn)
{
    private const string DcppInitYearColumn = "dcpp_init_year";
    private const string VersionColumn = "version";

    public IEnumerable<StoreRecord> Read(Stream stream)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            // The facet columns repeat a few hundred values over many rows: one string each.
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = bad => problems.Add(
                new ImportProblem(fileName, (int)bad.LineNumber, $"Malformed quoting ({bad.Reason}); the row is skipped.")),
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        var columns = Columns(reader);
        if (columns is null)
        {
            yield break;
        }

        while (Next(reader))
        {
            var record = Record(reader, columns, out var problem);
            if (record is null)
            {
                problems.Add(new ImportProblem(fileName, (int)reader.LineNumber, problem!));
                continue;
            }

            yield return record;
        }
    }

    /// <summary>Advances, turning an input that breaks off (a bad gzip stream, say) into a problem and the end.</summary>
    private bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CsvFormatException)
        {
            problems.Add(new ImportProblem(fileName, 1, $"Reading stopped: {e.Message}"));
            return false;
        }
    }

    private ColumnMap? Columns(CsvReader reader)
    {
        IReadOnlyList<string> headers;
        try
        {
            headers = reader.Headers;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CsvFormatException)
        {
            problems.Add(new ImportProblem(fileName, 1, $"Cannot be read: {e.Message}"));
            return null;
        }

        int IndexOf(string? name) => name is null ? -1 : headers.ToList().IndexOf(name);

        var asset = assetColumn ?? (IndexOf("zstore") >= 0 ? "zstore" : "path");
        var facets = StoreFacets.All.Select(f => IndexOf(f.ColumnName())).ToArray();
        var missing = StoreFacets.All.Where(f => facets[(int)f] < 0).Select(f => f.ColumnName()).ToList();
        if (IndexOf(asset) < 0)
        {
            missing.Add(assetColumn ?? "zstore");
        }

        if (formatColumn is not null && IndexOf(formatColumn) < 0)
        {
            missing.Add(formatColumn);
        }

        if (headers.Count == 0 || missing.Count > 0)
        {
            problems.Add(new ImportProblem(
                fileName,
                1,
                headers.Count == 0 ? "The file has no header." : $"Missing required columns: {string.Join(", ", missing)}; no row is read."));
            return null;
        }

        return new ColumnMap(headers.Count, facets, asset, IndexOf(asset), IndexOf(formatColumn), IndexOf(DcppInitYearColumn), IndexOf(VersionColumn));
    }

    private static StoreRecord? Record(CsvReader reader, ColumnMap columns, out string? problem)
    {
        if (reader.FieldCount != columns.Count)
        {
            problem = $"The row has {reader.FieldCount} fields; the header has {columns.Count}.";
            return null;
        }

        var wrong = new List<string>();
        var values = new string[columns.Facets.Length];
        for (var f = 0; f < values.Length; f++)
        {
            values[f] = reader.GetString(columns.Facets[f]).Trim();
            if (values[f].Length == 0)
            {
                wrong.Add($"{((StoreFacet)f).ColumnName()} is empty");
            }
        }

        var path = reader.GetString(columns.Asset).Trim();
        if (!StorePaths.IsStorePath(path))
        {
            wrong.Add(path.Length == 0 ? $"{columns.AssetName} is empty" : $"{columns.AssetName} '{path}' is not an s3://, gs:// or relative path");
        }

        if (columns.Format >= 0 && reader.GetString(columns.Format).Trim() is var format
            && !format.Equals("zarr", StringComparison.OrdinalIgnoreCase))
        {
            wrong.Add($"the asset is {(format.Length == 0 ? "of no format" : format)}, not a Zarr store");
        }

        int? year = null;
        if (columns.DcppInitYear >= 0 && reader.GetString(columns.DcppInitYear).Trim() is { Length: > 0 } text)
        {
            year = ParseYear(text);
            if (year is null)
            {
                wrong.Add($"{DcppInitYearColumn} '{text}' is not a year");
            }
        }

        if (wrong.Count > 0)
        {
            problem = string.Join("; ", wrong) + "; the row is skipped.";
            return null;
        }

        problem = null;
        var version = columns.Version >= 0 ? reader.GetString(columns.Version).Trim() : string.Empty;
        return new StoreRecord(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], path, year, version);
    }

    /// <summary>A whole year; pandas writes a column with gaps as floats, so <c>1960.0</c> is one too.</summary>
    private static int? ParseYear(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && value is >= 1 and <= 9999 && value == Math.Floor(value)
            ? (int)value
            : null;

    private sealed record ColumnMap(int Count, int[] Facets, string AssetName, int Asset, int Format, int DcppInitYear, int Version);
}
