using System.Text.RegularExpressions;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Reads the Open Data Registry's dataset files (<c>datasets/&lt;slug&gt;.yaml</c>, schema in the registry's
/// <c>schema.yaml</c>): the name, tags, licence, publisher, deprecation and the <c>S3 Bucket</c> resources; other
/// resource types (SNS topics, web hosts…) are passed over. A file that cannot be used (not YAML, no Name, a bad ARN, a
/// bucket without a Region) is reported with its line and skipped whole: half a dataset would mislead.
/// </summary>
internal static partial class RegistryYamlReader
{
    private const string S3Bucket = "S3 Bucket";

    /// <summary>Every <c>*.yaml</c> and <c>*.yml</c> file directly in <paramref name="folder"/>, in name order, with successors resolved.</summary>
    public static IReadOnlyList<RegistryDataset> ReadFolder(string folder, ICollection<CatalogueProblem> problems, CancellationToken cancellationToken = default)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(IsYamlFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var datasets = new List<RegistryDataset>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadFile(file, problems) is { } dataset)
            {
                datasets.Add(dataset);
            }
        }

        return RegistrySuccessors.Resolve(datasets);
    }

    public static bool IsYamlFile(string path) =>
        Path.GetExtension(path) is { } extension
        && (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase));

    /// <summary>One file; its slug is its name without the extension. Null (and problems) when it cannot be used.</summary>
    public static RegistryDataset? ReadFile(string path, ICollection<CatalogueProblem> problems)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), problems);
    }

    /// <summary>One dataset file's text; <paramref name="fileName"/> gives the slug and names the file in problems.</summary>
    public static RegistryDataset? Read(TextReader text, string fileName, ICollection<CatalogueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new List<CatalogueProblem>();
        var dataset = Parse(text, fileName, found);
        foreach (var problem in found)
        {
            problems.Add(problem);
        }

        return found.Count == 0 ? dataset : null;
    }

    private static RegistryDataset? Parse(TextReader text, string fileName, List<CatalogueProblem> problems)
    {
        void Problem(YamlNode? at, string message) => problems.Add(new CatalogueProblem(fileName, at is null ? 1 : LineOf(at.Start), message));

        var slug = Path.GetFileNameWithoutExtension(fileName);
        if (!DatasetId.TryParse(slug, out _))
        {
            Problem(null, $"'{slug}' is not a registry slug (lowercase letters, digits, dashes and underscores): the file name gives it.");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            problems.Add(new CatalogueProblem(fileName, LineOf(e.Start), $"Not valid YAML: {e.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "The file is not a registry dataset (a mapping with Name, Tags, Resources…).");
            return null;
        }

        var fields = new Fields(root, Problem);
        var name = fields.Text("Name");
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem(fields.Node("Name") ?? root, "Name is missing.");
        }

        var deprecated = fields.Boolean("Deprecated") ?? false;
        var tags = fields.List("Tags");
        var resources = new List<RegistryResource>();
        var seen = new HashSet<RegistryResource>();
        if (fields.Node("Resources") is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode map)
                {
                    Problem(item, "A resource is not a mapping (Description, ARN, Region, Type).");
                    continue;
                }

                if (ReadResource(new Fields(map, Problem), map, Problem) is { } resource && seen.Add(resource))
                {
                    resources.Add(resource);
                }
            }
        }
        else if (fields.Node("Resources") is { } other)
        {
            Problem(other, "Resources is not a list.");
        }

        return new RegistryDataset(
            slug,
            name?.Trim() ?? string.Empty,
            deprecated,
            fields.Text("DeprecatedNotice")?.Trim() ?? string.Empty,
            tags,
            FirstLine(fields.Text("License")),
            WithoutLinks(fields.Text("ManagedBy")),
            fields.Text("UpdateFrequency")?.Trim() ?? string.Empty,
            resources)
        {
            File = fileName,
            Line = LineOf(root.Start),
        };
    }

    /// <summary>An <c>S3 Bucket</c> resource; null for other types, access points, and bad ones (reported).</summary>
    private static RegistryResource? ReadResource(Fields fields, YamlMappingNode map, Action<YamlNode?, string> problem)
    {
        if (!string.Equals(fields.Text("Type")?.Trim(), S3Bucket, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var arn = RegistryArn.Parse(fields.Text("ARN"));
        if (arn.Kind == RegistryArnKind.Invalid)
        {
            problem(fields.Node("ARN") ?? map, arn.Problem!);
        }

        var regionText = fields.Text("Region")?.Trim();
        var region = default(RegionCode);
        if (string.IsNullOrEmpty(regionText))
        {
            problem(fields.Node("Region") ?? map, "An S3 Bucket resource has no Region.");
        }
        else if (!RegionCode.TryParse(regionText, out region))
        {
            problem(fields.Node("Region"), $"'{regionText}' is not an AWS region code.");
        }

        var requesterPays = fields.Boolean("RequesterPays") ?? false;
        if (arn.Kind != RegistryArnKind.Bucket || region == default)
        {
            return null;
        }

        return new RegistryResource(arn.Bucket, arn.Prefix, region, requesterPays, fields.Text("Description")?.Trim() ?? string.Empty);
    }

    /// <summary>The first line with text: the registry's licences run on with conditions and links.</summary>
    private static string FirstLine(string? text) =>
        text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;

    /// <summary><c>[NSF NCAR](https://ncar.ucar.edu/)</c> becomes <c>NSF NCAR</c>.</summary>
    internal static string WithoutLinks(string? text) =>
        text is null ? string.Empty : MarkdownLink().Replace(text, "$1").Trim();

    /// <summary>YamlDotNet's marks count lines from 1.</summary>
    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    /// <summary>The scalar, boolean and list fields of one mapping, reporting those of the wrong shape.</summary>
    private sealed class Fields(YamlMappingNode map, Action<YamlNode?, string> problem)
    {
        public YamlNode? Node(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public string? Text(string key)
        {
            switch (Node(key))
            {
                case null:
                    return null;
                case YamlScalarNode scalar:
                    return scalar.Value;
                case var other:
                    problem(other, $"{key} is not text.");
                    return null;
            }
        }

        public bool? Boolean(string key)
        {
            var text = Text(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            problem(Node(key), $"{key} is '{text}', not True or False.");
            return null;
        }

        public IReadOnlyList<string> List(string key)
        {
            switch (Node(key))
            {
                case null:
                    return [];
                case YamlSequenceNode sequence:
                    return [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];
                case var other:
                    problem(other, $"{key} is not a list.");
                    return [];
            }
        }
    }
}
