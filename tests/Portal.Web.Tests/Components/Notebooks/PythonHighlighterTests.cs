using Portal.Web.Components.Notebooks;

namespace Portal.Web.Tests.Components.Notebooks;

public sealed class PythonHighlighterTests
{
    [Fact]
    public void Marks_keywords_strings_numbers_comments_and_called_builtins()
    {
        var html = PythonHighlighter.ToHtml("for i in range(3):  # count\n    print(f\"{i} of 3\", 'x')");

        Assert.Equal(
            "<span class=\"py-keyword\">for</span> i <span class=\"py-keyword\">in</span> <span class=\"py-builtin\">range</span>(<span class=\"py-number\">3</span>):  "
            + "<span class=\"py-comment\"># count</span>\n    <span class=\"py-builtin\">print</span>(<span class=\"py-string\">f&quot;{i} of 3&quot;</span>, "
            + "<span class=\"py-string\">&#39;x&#39;</span>)",
            html);
    }

    [Fact]
    public void Encodes_every_character_so_source_text_can_never_become_markup()
    {
        var html = PythonHighlighter.ToHtml("x = '<script>alert(1)</script>' # <b>\n<img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_and_an_unclosed_string_ends_at_its_line()
    {
        Assert.Equal("<span class=\"py-string\">&quot;&quot;&quot;a\n# not a comment&quot;&quot;&quot;</span>", PythonHighlighter.ToHtml("\"\"\"a\n# not a comment\"\"\""));
        Assert.Equal("<span class=\"py-string\">&#39;open</span>\n<span class=\"py-keyword\">pass</span>", PythonHighlighter.ToHtml("'open\npass"));
        Assert.Equal("<span class=\"py-string\">&#39;it\\&#39;s&#39;</span>", PythonHighlighter.ToHtml("'it\\'s'"));
    }

    [Fact]
    public void Names_that_merely_contain_keywords_or_digits_stay_plain()
    {
        Assert.Equal("era5_map = format_x1", PythonHighlighter.ToHtml("era5_map = format_x1"));
        Assert.Equal("list_of = printer", PythonHighlighter.ToHtml("list_of = printer"));
        Assert.Equal(string.Empty, PythonHighlighter.ToHtml(null!));
    }
}
