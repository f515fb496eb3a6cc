using Portal.Web.Components.Notebooks;

namespace Portal.Web.Tests.Components.Notebooks;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("# Title", "<h1>Title</h1>")]
    [InlineData("### Third", "<h3>Third</h3>")]
    [InlineData("One line\nand the next\n\nAnother", "<p>One line\nand the next</p><p>Another</p>")]
    [InlineData("**bold** and *italic* and _also_", "<p><strong>bold</strong> and <em>italic</em> and <em>also</em></p>")]
    [InlineData("Use `ds.mean()` here", "<p>Use <code>ds.mean()</code> here</p>")]
    [InlineData("``a `tick` inside``", "<p><code>a `tick` inside</code></p>")]
    [InlineData("- one\n- two", "<ul><li>one</li><li>two</li></ul>")]
    [InlineData("1. first\n2. second", "<ol><li>first</li><li>second</li></ol>")]
    [InlineData("```python\nx = 1 < 2\n```", "<pre><code class=\"language-python\">x = 1 &lt; 2</code></pre>")]
    [InlineData("[Dask](https://docs.dask.org/)", "<p><a href=\"https://docs.dask.org/\" rel=\"noopener noreferrer\" target=\"_blank\">Dask</a></p>")]
    [InlineData(@"not \*emphasis\* and snake_case_name", "<p>not *emphasis* and snake_case_name</p>")]
    public void Renders_the_markdown_a_notebook_uses(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void Headings_move_below_the_pages_own_heading()
    {
        Assert.Equal("<h2>Title</h2>", SafeMarkdown.ToHtml("# Title", headingOffset: 1));
        Assert.Equal("<h6>Deep</h6>", SafeMarkdown.ToHtml("###### Deep", headingOffset: 1));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("**<b>x</b>**", "<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>")]
    [InlineData("`<i>`", "<p><code>&lt;i&gt;</code></p>")]
    [InlineData("# <h1>", "<h1>&lt;h1&gt;</h1>")]
    [InlineData("- \"quoted\" & 'single'", "<ul><li>&quot;quoted&quot; &amp; &#39;single&#39;</li></ul>")]
    public void Raw_html_is_text(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown));

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html,hi)")]
    [InlineData("[click](/relative/path)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void Links_other_than_http_or_https_are_plain_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_address_cannot_break_out_of_its_attribute()
    {
        var html = SafeMarkdown.ToHtml("[x](https://example.org/\"onmouseover=\"alert(1))");

        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
    }
}
