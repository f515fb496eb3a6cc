using System.Globalization;
using System.Text;

namespace Portal.Infra.Notebooks;

/// <summary>Puts text from a request into markdown without it turning into markup.</summary>
internal static class MarkdownText
{
    private const string MarkupOpeners = "\\`*_[]<>!|~&$#{}";

    /// <summary>
    /// An inline code span (CommonMark): fenced with more backticks than the text's longest run, so nothing inside
    /// is interpreted; line breaks and other controls become spaces so the span stays on one line, and a lone
    /// surrogate becomes U+FFFD.
    /// </summary>
    public static string Code(string text)
    {
        var content = OneLine(text);
        if (content.Length == 0)
        {
            return "` `";
        }

        var longestRun = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') ? " " : string.Empty;
        return fence + pad + content + pad + fence;
    }

    /// <summary>
    /// Plain text on one line, for the middle of a line: the characters that can open markup there (emphasis, code,
    /// links, HTML and entities, GFM tables and strike-through, Jupyter's <c>$</c> maths) are backslash-escaped.
    /// </summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in OneLine(text))
        {
            builder.Append(MarkupOpeners.Contains(c, StringComparison.Ordinal) ? "\\" : string.Empty).Append(c);
        }

        return builder.ToString();
    }

    private static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var breaksLine = Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            clean.Append(breaksLine ? " " : rune.ToString());
        }

        return clean.ToString();
    }
}
