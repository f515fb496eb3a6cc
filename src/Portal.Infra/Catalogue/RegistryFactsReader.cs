using CsvHelper;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Reads the registry facts CSV (<see cref="RegistryFactsFormat"/>), streamed: the rows of a dataset are gathered in the
/// order they come, its first row's region being its home. A row that cannot be used (a bad slug, region or ARN, a
/// boolean that is neither true nor false, too few fields) is reported with its line and skipped; the rest are read.
/// </summary>
internal static class RegistryFactsReader
{
    public static IReadOnlyList<RegistryDataset> ReadFile(string path, ICollection<CatalogueProblem> problems, CancellationToken cancellationToken = default)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), problems, cancellationToken);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (the caller disposes it); successors are resolved among the datasets read.</summary>
    public static IReadOnlyList<RegistryDataset> Read(Stream stream, string fileName, ICollection<CatalogueProblem> problems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(problems);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            CommentPrefix = RegistryFactsFormat.CommentPrefix,
            TrackLineNumbers = true,
            // Names, licences and tags repeat on every row of a dataset.
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => problems.Add(new CatalogueProblem(fileName, (int)bad.LineNumber, $"Malformed quoting ({bad.Reason}); the row is skipped.")),
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        Columns? columns;
        try
        {
            columns = Columns.Find(reader.Headers, fileName, problems);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or IOException)
        {
            problems.Add(new CatalogueProblem(fileName, 1, $"The file cannot be read: {e.Message}"));
            return [];
        }

        if (columns is null)
        {
            return [];
        }

        var datasets = new Dictionary<string, Gathered>(StringComparer.Ordinal);
        while (Next(reader, fileName, problems))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = (int)reader.LineNumber;
            var (row, problem) = ReadRow(reader, columns);
            if (row is null)
            {
                problems.Add(new CatalogueProblem(fileName, line, problem!));
                continue;
            }

            if (!datasets.TryGetValue(row.Slug, out var gathered))
            {
                gathered = new Gathered(line);
                datasets.Add(row.Slug, gathered);
            }

            gathered.Fields ??= row.Fields;
            if (row.Resource is { } resource && gathered.Seen.Add(resource))
            {
                gathered.Resources.Add(resource);
            }
        }

        var read = new List<RegistryDataset>(datasets.Count);
        foreach (var (slug, gathered) in datasets)
        {
            if (gathered.Fields is not { } fields)
            {
                problems.Add(new CatalogueProblem(fileName, gathered.Line, $"No row of {slug} has its name; its {gathered.Resources.Count} resource row(s) are skipped."));
                continue;
            }

            read.Add(fields.With(slug, gathered.Resources, fileName, gathered.Line));
        }

        return RegistrySuccessors.Resolve(read);
    }

    private static bool Next(CsvReader reader, string fileName, ICollection<CatalogueProblem> problems)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or IOException)
        {
            problems.Add(new CatalogueProblem(fileName, 0, $"Reading stopped: {e.Message}"));
            return false;
        }
    }

    private static (Row? Row, string? Problem) ReadRow(CsvReader reader, Columns columns)
    {
        if (reader.FieldCount < columns.Count)
        {
            return (null, $"The row has {reader.FieldCount} fields; the header has {columns.Count}.");
        }

        string Get(int index) => index < 0 ? string.Empty : reader.GetString(index).Trim();

        var slug = Get(columns.Slug);
        if (!DatasetId.TryParse(slug, out _))
        {
            return (null, $"'{slug}' is not a registry slug (lowercase letters, digits, dashes and underscores); the row is skipped.");
        }

        var regionText = Get(columns.Region);
        if (!RegionCode.TryParse(regionText, out var region))
        {
            return (null, $"{slug}: '{regionText}' is not an AWS region code; the row is skipped.");
        }

        var arn = RegistryArn.Parse(Get(columns.Arn));
        if (arn.Kind == RegistryArnKind.Invalid)
        {
            return (null, $"{slug}: {arn.Problem} The row is skipped.");
        }

        if (!TryBoolean(Get(columns.RequesterPays), out var requesterPays))
        {
            return (null, $"{slug}: requester_pays is '{Get(columns.RequesterPays)}', not true or false; the row is skipped.");
        }

        DatasetFields? fields = null;
        var name = Get(columns.Name);
        if (name.Length > 0)
        {
            if (!TryBoolean(Get(columns.Deprecated), out var deprecated))
            {
                return (null, $"{slug}: deprecated is '{Get(columns.Deprecated)}', not true or false; the row is skipped.");
            }

            fields = new DatasetFields(
                name,
                deprecated,
                Get(columns.DeprecatedNotice),
                [.. Get(columns.Tags).Split(RegistryFactsFormat.TagSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                Get(columns.License),
                RegistryYamlReader.WithoutLinks(Get(columns.ManagedBy)),
                Get(columns.UpdateFrequency));
        }

        // An access point is passed over like any resource the portal cannot link; the row may still name the dataset.
        var resource = arn.Kind == RegistryArnKind.Bucket ? new RegistryResource(arn.Bucket, arn.Prefix, region, requesterPays, string.Empty) : null;
        return (new Row(slug, fields, resource), null);
    }

    /// <summary>true or false in any case; empty is false (the registry's default).</summary>
    private static bool TryBoolean(string text, out bool value)
    {
        value = false;
        return text.Length == 0 || bool.TryParse(text, out value);
    }

    private sealed record Row(string Slug, DatasetFields? Fields, RegistryResource? Resource);

    private sealed record DatasetFields(string Name, bool Deprecated, string Notice, IReadOnlyList<string> Tags, string License, string ManagedBy, string UpdateFrequency)
    {
        public RegistryDataset With(string slug, IReadOnlyList<RegistryResource> resources, string file, int line) =>
            new(slug, Name, Deprecated, Notice, Tags, License, ManagedBy, UpdateFrequency, resources) { File = file, Line = line };
    }

    private sealed class Gathered(int line)
    {
        public int Line { get; } = line;

        public DatasetFields? Fields { get; set; }

        public List<RegistryResource> Resources { get; } = [];

        /// <summary>The resources already gathered: a few datasets list thousands of prefixes, some twice.</summary>
        public HashSet<RegistryResource> Seen { get; } = [];
    }

    private sealed record Columns(int Count, int Slug, int Name, int Deprecated, int Region, int Arn, int RequesterPays, int Tags, int License, int ManagedBy, int UpdateFrequency, int DeprecatedNotice)
    {
        public static Columns? Find(IReadOnlyList<string> headers, string fileName, ICollection<CatalogueProblem> problems)
        {
            var names = headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var missing = RegistryFactsFormat.Required.Where(c => !names.Contains(c)).ToList();
            if (names.Count == 0 || missing.Count > 0)
            {
                problems.Add(new CatalogueProblem(
                    fileName,
                    1,
                    names.Count == 0 ? "The file has no header." : $"Not registry facts: missing the column(s) {string.Join(", ", missing)}; no row is read."));
                return null;
            }

            return new Columns(
                names.Count,
                names.IndexOf(RegistryFactsFormat.Slug),
                names.IndexOf(RegistryFactsFormat.Name),
                names.IndexOf(RegistryFactsFormat.Deprecated),
                names.IndexOf(RegistryFactsFormat.Region),
                names.IndexOf(RegistryFactsFormat.Arn),
                names.IndexOf(RegistryFactsFormat.RequesterPays),
                names.IndexOf(RegistryFactsFormat.Tags),
                names.IndexOf(RegistryFactsFormat.License),
                names.IndexOf(RegistryFactsFormat.ManagedBy),
                names.IndexOf(RegistryFactsFormat.UpdateFrequency),
                names.IndexOf(RegistryFactsFormat.DeprecatedNotice));
        }
    }
}
