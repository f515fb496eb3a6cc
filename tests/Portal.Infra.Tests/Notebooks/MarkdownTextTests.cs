using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("tas", "`tas`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("``x", "``` ``x ```")]
    [InlineData("two\nlines\u2028here", "`two lines here`")]
    [InlineData("", "` `")]
    public void Code_spans_hold_any_text_on_one_line(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Code(text));
    }

    [Theory]
    [InlineData("ERA5 reanalysis (us-east-1)", "ERA5 reanalysis (us-east-1)")]
    [InlineData("*bold* <b>html</b> [link](x) $x^2$ a|b", "\\*bold\\* \\<b\\>html\\</b\\> \\[link\\](x) \\$x^2\\$ a\\|b")]
    [InlineData("line\r\nbreak", "line  break")]
    public void Plain_text_cannot_open_markup(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Plain(text));
    }
}
