using System.Text.Json;

namespace Portal.Cli.Output;

/// <summary>
/// Where a command writes. With <c>--json</c>, standard output carries exactly one JSON document, the API's answer with
/// the API's field names, and everything for people (progress, failures) goes to standard error; without it, readable
/// text goes to standard output and failures to standard error.
/// </summary>
internal sealed class Terminal(TextWriter output, TextWriter error, bool json)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool Json { get; } = json;

    /// <summary>A line for people: on standard output, or nowhere with <c>--json</c>.</summary>
    public void Line(string text = "")
    {
        if (!Json)
        {
            output.WriteLine(text);
        }
    }

    /// <summary>Progress while waiting: on standard output, or on standard error with <c>--json</c> (stdout stays one document).</summary>
    public void Progress(string text) => (Json ? error : output).WriteLine(text);

    /// <summary>The command's result for scripts: written only with <c>--json</c>.</summary>
    public void Result(JsonElement value)
    {
        if (Json)
        {
            output.WriteLine(JsonSerializer.Serialize(value, Indented));
        }
    }

    public void Result(object value) => Result(JsonSerializer.SerializeToElement(value, Indented));

    /// <summary>Reports a failure and gives its exit code. With <c>--json</c> it is one JSON object on standard error.</summary>
    public int Fail(CliFailure failure)
    {
        if (Json)
        {
            error.WriteLine(JsonSerializer.Serialize(new { exitCode = failure.ExitCode, message = failure.Message, problem = failure.Problem }, Indented));
        }
        else
        {
            error.WriteLine($"portal: {failure.Message}");
        }

        return failure.ExitCode;
    }
}
