using System.Runtime.InteropServices;
using System.Text.Json;
using Portal.Domain.Cloud;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

public sealed class PythonLiteralTests
{
    public static TheoryData<string> AwkwardStrings =>
    [
        string.Empty,
        "plain",
        "double \" and single ' quotes, and three \"\"\" of them",
        @"back\slash, \n not a newline, \x41 \N{BULLET} \u0041, trailing \",
        "line\nbreak, crlf\r\n, tab\t, form feed\f, vertical tab\v, nul\0, bell\a, escape\u001b, delete\u007f",
        "separators \u2028 line \u2029 paragraph \u0085 next line",
        "unicode: é ß 漢字 Ελληνικά עברית 😀 👩‍🔬 \ufeff bom",
        "bidi \u202e override \u2066 isolate \u200b zero width",
        "lone surrogates \ud800 and \udc00, then a pair \ud83d\ude00",
        "unassigned \U0001fffe, private \ue000, tag \U000e0041",
        "\"; import os; os.system(\"echo pwned\"); x = \"",
    ];

    [Theory]
    [MemberData(nameof(AwkwardStrings))]
    public void A_string_is_one_line_of_code_in_double_quotes(string text)
    {
        var literal = PythonLiteral.Write(text);

        Assert.StartsWith("\"", literal, StringComparison.Ordinal);
        Assert.EndsWith("\"", literal, StringComparison.Ordinal);
        Assert.DoesNotContain(literal, c => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' || char.IsControl(c));
    }

    [Fact]
    public void Plain_values_are_written_as_python_writes_them()
    {
        Assert.Equal("None", PythonLiteral.Write(null));
        Assert.Equal("True", PythonLiteral.Write(true));
        Assert.Equal("False", PythonLiteral.Write(false));
        Assert.Equal("42", PythonLiteral.Write(42));
        Assert.Equal("-7", PythonLiteral.Write(-7L));
        Assert.Equal("2.0", PythonLiteral.Write(2.0));
        Assert.Equal("0.1", PythonLiteral.Write(0.1));
        Assert.Equal("\"a\\\"b\\\\c\\n\"", PythonLiteral.Write("a\"b\\c\n"));
        Assert.Equal("[\"ScenarioMIP\", \"CMIP\"]", PythonLiteral.Write(new[] { "ScenarioMIP", "CMIP" }));
        Assert.Equal("[]", PythonLiteral.Write(Array.Empty<string>()));
        Assert.Equal("{\"us-east-1\": \"pool-us-east-1\"}", PythonLiteral.Write(new Dictionary<string, string> { ["us-east-1"] = "pool-us-east-1" }));
    }

    [Fact]
    public void A_dictionary_of_dictionaries_is_laid_out_one_entry_per_line()
    {
        var value = new Dictionary<string, object?>
        {
            ["era5"] = new Dictionary<string, object?> { ["region"] = "us-east-1" },
            ["cmip6"] = new Dictionary<string, object?> { ["region"] = "us-west-2" },
        };

        Assert.Equal("{\n    \"era5\": {\"region\": \"us-east-1\"},\n    \"cmip6\": {\"region\": \"us-west-2\"},\n}", PythonLiteral.Write(value));
    }

    [Fact]
    public void Values_without_a_python_literal_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PythonLiteral.Write(DateTime.UnixEpoch));
        Assert.Throws<ArgumentException>(() => PythonLiteral.Write(new Dictionary<int, string> { [1] = "one" }));
    }

    [Fact]
    public async Task Python_reads_every_awkward_string_back_unchanged()
    {
        var texts = AwkwardStrings.Select(row => row.Data).ToList();
        // Each literal is the whole source of one code cell: ast.literal_eval must give back exactly the C# string,
        // compared as UTF-16 code units so that lone surrogates count too.
        var source = string.Join("\n", texts.Select((text, i) => $"value_{i} = {PythonLiteral.Write(text)}"))
            + "\nutf16 = [value.encode(\"utf-16-le\", \"surrogatepass\").hex().upper() for value in ["
            + string.Join(", ", texts.Select((_, i) => $"value_{i}")) + "]]";
        var notebook = new NotebookDocument("literals.ipynb", JsonSerializer.Serialize(new
        {
            cells = new[] { new { cell_type = "code", id = "literals", source } },
        }));

        var report = await NotebookHarness.RunAsync(notebook, ["literals"], ["utf16"]);

        Assert.Empty(report.SyntaxErrors);
        var expected = texts.Select(text => Convert.ToHexString(MemoryMarshal.AsBytes(text.AsSpan()))).ToList();
        var actual = report.Values.GetProperty("utf16").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(expected, actual);
    }
}
