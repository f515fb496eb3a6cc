using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Web.Components.Notebooks;

/// <summary>
/// A small Markdown renderer for notebook cells: headings, paragraphs, bold and italic, inline code, fenced code blocks,
/// http(s) links and lists. Everything else is text: every character of the source is HTML-encoded, raw HTML included,
/// so the output is safe to render as markup whoever wrote the cell.
/// </summary>
public static partial class SafeMarkdown
{
    private const string Escapable = "\\`*_{}[]()#+-.!|~<>&$";

    /// <summary>Renders <paramref name="markdown"/> as HTML.</summary>
    /// <param name="markdown">The cell's source.</param>
    /// <param name="headingOffset">Added to every heading level (capped at 6), so a cell's <c>#</c> sits below the page's own <c>h1</c>.</param>
    public static string ToHtml(string? markdown, int headingOffset = 0)
    {
        var html = new StringBuilder();
        var lines = (markdown ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        string? listTag = null;

        void CloseParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join('\n', paragraph))).Append("</p>");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (listTag is not null)
            {
                html.Append("</").Append(listTag).Append('>');
                listTag = null;
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Fence().Match(line) is { Success: true } fence)
            {
                CloseParagraph();
                CloseList();
                var code = new List<string>();
                var marker = fence.Groups["marker"].Value;
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(marker, StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i]);
                }

                var language = fence.Groups["lang"].Value;
                html.Append("<pre><code")
                    .Append(language.Length > 0 ? $" class=\"language-{Encode(language)}\"" : string.Empty)
                    .Append('>').Append(Encode(string.Join('\n', code))).Append("</code></pre>");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                CloseParagraph();
                CloseList();
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                CloseParagraph();
                CloseList();
                var level = Math.Min(6, heading.Groups["hashes"].Length + Math.Max(0, headingOffset));
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups["text"].Value.TrimEnd('#', ' ')))
                    .Append("</h").Append(level).Append('>');
                continue;
            }

            if (ListItem().Match(line) is { Success: true } item)
            {
                CloseParagraph();
                var tag = char.IsDigit(item.Groups["marker"].Value[0]) ? "ol" : "ul";
                if (listTag != tag)
                {
                    CloseList();
                    html.Append('<').Append(tag).Append('>');
                    listTag = tag;
                }

                html.Append("<li>").Append(Inline(item.Groups["text"].Value)).Append("</li>");
                continue;
            }

            if (listTag is not null && line.StartsWith("  ", StringComparison.Ordinal) && html.ToString().EndsWith("</li>", StringComparison.Ordinal))
            {
                // A continuation line of the last list item.
                html.Length -= "</li>".Length;
                html.Append(' ').Append(Inline(line.Trim())).Append("</li>");
                continue;
            }

            CloseList();
            paragraph.Add(line.Trim());
        }

        CloseParagraph();
        CloseList();
        return html.ToString();
    }

    /// <summary>Inline Markdown: code spans, links, bold, italic and backslash escapes; all other text encoded.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        var plain = new StringBuilder();

        void FlushPlain()
        {
            html.Append(Emphasis(plain.ToString()));
            plain.Clear();
        }

        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && Escapable.Contains(text[i + 1], StringComparison.Ordinal))
            {
                // A private-use placeholder keeps an escaped * or _ out of the emphasis rules; it becomes the character again.
                plain.Append(EscapedMarker).Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '`' && CodeSpan(text, i) is { } span)
            {
                FlushPlain();
                html.Append("<code>").Append(Encode(span.Content)).Append("</code>");
                i = span.End;
                continue;
            }

            if (c == '[' && Link().Match(text, i) is { Success: true } link && link.Index == i)
            {
                FlushPlain();
                var label = Emphasis(link.Groups["label"].Value);
                var href = link.Groups["href"].Value;
                html.Append(IsWebAddress(href)
                    ? $"<a href=\"{Encode(href)}\" rel=\"noopener noreferrer\" target=\"_blank\">{label}</a>"
                    : label);
                i += link.Length;
                continue;
            }

            plain.Append(c);
            i++;
        }

        FlushPlain();
        return html.ToString();
    }

    private const char EscapedMarker = '\uE000';

    private static string Emphasis(string text)
    {
        var html = Encode(text);
        html = Strong().Replace(html, "<strong>${text}</strong>");
        html = Em().Replace(html, "<em>${text}</em>");
        return UnescapeMarkers().Replace(html, "${c}");
    }

    private static (string Content, int End)? CodeSpan(string text, int start)
    {
        var run = 0;
        while (start + run < text.Length && text[start + run] == '`')
        {
            run++;
        }

        var fence = new string('`', run);
        for (var close = text.IndexOf(fence, start + run, StringComparison.Ordinal); close >= 0; close = text.IndexOf(fence, close + 1, StringComparison.Ordinal))
        {
            // The closing run must be exactly as long as the opening one.
            var longer = close + run < text.Length && text[close + run] == '`';
            if (!longer && text[close - 1] != '`')
            {
                var content = text[(start + run)..close].Replace('\n', ' ');
                if (content.Length >= 2 && content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0)
                {
                    content = content[1..^1];
                }

                return (content, close + run);
            }
        }

        return null;
    }

    private static bool IsWebAddress(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^\s{0,3}(?<marker>```+|~~~+)\s*(?<lang>[A-Za-z0-9_+-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}(?<hashes>#{1,6})\s+(?<text>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}(?<marker>[-*+]|\d{1,9}[.)])\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[(?<label>[^\[\]]*)\]\((?<href>[^()\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\uE000)(\*\*|__)(?<text>(?=\S).*?(?<=[^\s\uE000]))\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*\uE000])(\*|_)(?<text>(?=\S)[^*_]*?(?<=[^\s\uE000]))\1(?![\w*])")]
    private static partial Regex Em();

    [GeneratedRegex("\uE000(?<c>.)")]
    private static partial Regex UnescapeMarkers();
}
