using System.Text.Json;
using Portal.Domain.Cloud;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>What python3 made of a written notebook.</summary>
/// <param name="SyntaxErrors">Code cell id to the error <c>ast.parse</c> raised; empty when every code cell parses.</param>
/// <param name="Values">The reported names and their values after running the cells.</param>
/// <param name="Types">The reported names and the Python type names of their values.</param>
/// <param name="Output">What the run cells printed.</param>
internal sealed record HarnessReport(
    IReadOnlyDictionary<string, string> SyntaxErrors,
    JsonElement Values,
    IReadOnlyDictionary<string, string> Types,
    string Output);

/// <summary>
/// Loads a notebook the way Jupyter does (JSON, sources joined), parses every code cell with <c>ast.parse</c>,
/// then runs chosen cells in order in one namespace (standard library only; fakes can be put first on sys.path).
/// </summary>
internal static class NotebookHarness
{
    private const string Script = """
        import ast
        import contextlib
        import io
        import json
        import sys

        with open(sys.argv[1], encoding="utf-8") as file:
            spec = json.load(file)
        with open(spec["notebook"], encoding="utf-8") as file:
            notebook = json.load(file)


        def source_of(cell):
            source = cell["source"]
            return "".join(source) if isinstance(source, list) else source


        sources = {cell["id"]: source_of(cell) for cell in notebook["cells"]}
        syntax_errors = {}
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                try:
                    ast.parse(sources[cell["id"]], filename=cell["id"])
                except SyntaxError as error:
                    syntax_errors[cell["id"]] = f"{error.msg} (line {error.lineno})"

        sys.path[:0] = spec["path"]
        namespace = {"__name__": "__main__"}
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            for cell_id in spec["run"]:
                exec(compile(sources[cell_id], cell_id, "exec"), namespace)

        names = spec["report"]
        if names is None:
            names = [name for name in namespace if not name.startswith("__")]
        print(json.dumps({
            "syntax_errors": syntax_errors,
            "values": {name: namespace[name] for name in names},
            "types": {name: type(namespace[name]).__name__ for name in names},
            "output": printed.getvalue(),
        }, ensure_ascii=True))
        """;

    /// <summary>The folder holding portal_dask, copied beside the test's binaries as beside the portal's.</summary>
    public static string HelperPath => Path.Combine(AppContext.BaseDirectory, "python");

    /// <param name="report">Names to report; null reports every name the run cells defined.</param>
    public static async Task<HarnessReport> RunAsync(
        NotebookDocument notebook,
        IReadOnlyList<string> run,
        IReadOnlyList<string>? report,
        string? fakesPath = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Directory.CreateTempSubdirectory("portal-notebook-");
        try
        {
            var notebookPath = Path.Combine(directory.FullName, notebook.FileName);
            var scriptPath = Path.Combine(directory.FullName, "harness.py");
            var specPath = Path.Combine(directory.FullName, "spec.json");
            await File.WriteAllTextAsync(notebookPath, notebook.Content, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(scriptPath, Script, TestContext.Current.CancellationToken);
            var spec = new Dictionary<string, object?>
            {
                ["notebook"] = notebookPath,
                ["run"] = run,
                ["report"] = report,
                // Fakes first, then the notebook helper (portal_dask) as the portal ships it beside its binaries.
                ["path"] = fakesPath is null ? [HelperPath] : new[] { fakesPath, HelperPath },
            };
            await File.WriteAllTextAsync(specPath, JsonSerializer.Serialize(spec), TestContext.Current.CancellationToken);

            var output = await Python.RunAsync(scriptPath, [specPath], environment);
            using var result = JsonDocument.Parse(output);
            var root = result.RootElement;
            return new HarnessReport(
                root.GetProperty("syntax_errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty),
                root.GetProperty("values").Clone(),
                root.GetProperty("types").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty),
                root.GetProperty("output").GetString() ?? string.Empty);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
