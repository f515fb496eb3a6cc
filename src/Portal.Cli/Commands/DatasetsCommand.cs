using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary><c>portal datasets search [text] [--theme/--format/--region …]</c>: the catalogue search with its counts.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "Words to find in the datasets' names, descriptions and tags.", Arity = ArgumentArity.ZeroOrOne };
        var theme = new Option<string?>("--theme", "--tag") { Description = "Only datasets with this theme (tag), such as climate." };
        var format = new Option<string?>("--format") { Description = "Only datasets in this format, such as Zarr or NetCdf." };
        var region = new Option<string?>("--region") { Description = "Only datasets in this AWS region, such as us-east-1." };
        var analysable = new Option<bool>("--analysable") { Description = "Only datasets a session can analyse end to end." };
        var page = new Option<int?>("--page") { Description = "The page, from 1." };
        var pageSize = new Option<int?>("--page-size") { Description = "Datasets a page, 1 to 100 (default 20)." };
        var search = new Command("search", "Search the dataset catalogue; prints the ids 'estimate' and 'launch' take with --dataset.") { text, theme, format, region, analysable, page, pageSize };
        search.SetHandler(async (call, cancellationToken) =>
        {
            var query = Query.Of(("q", call.Value(text)), ("tag", call.Value(theme)), ("format", call.Value(format)), ("region", call.Value(region)),
                ("analysable", call.Value(analysable) ? "true" : null), ("page", Query.Int(call.Value(page))), ("pageSize", Query.Int(call.Value(pageSize))));
            using var api = call.Connect();
            var answer = await api.GetAsync("datasets" + query, cancellationToken);
            call.Out.Result(answer);
            foreach (var line in Describe(answer))
            {
                call.Out.Line(line);
            }

            return ExitCodes.Ok;
        });
        return new Command("datasets", "The dataset catalogue.") { search };
    }

    private static IEnumerable<string> Describe(JsonElement answer)
    {
        var rows = answer.Items("items").Select(d => (IReadOnlyList<string>)
            [d.Str("id"), d.Str("name"), d.Str("region"), d.Str("format"), d.Flag("analysable") ? "yes" : "no"]);
        foreach (var line in Table.Format(["ID", "NAME", "REGION", "FORMAT", "ANALYSABLE"], rows))
        {
            yield return line;
        }

        yield return Query.PageLine(answer, "datasets");
        if (answer.Obj("facets") is { } facets)
        {
            yield return "Regions: " + Facet(facets, "regions");
            yield return "Formats: " + Facet(facets, "formats");
            yield return "Themes:  " + Facet(facets, "tags", 12);
        }
    }

    private static string Facet(JsonElement facets, string name, int most = int.MaxValue) =>
        string.Join(", ", facets.Items(name).Take(most).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Str("value")} ({f.Num("count"):0})")));
}
