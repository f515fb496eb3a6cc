using System.Net;
using System.Text;

namespace Portal.Web.Components.Notebooks;

/// <summary>
/// Python source as HTML with its comments, strings, numbers, keywords and built-ins in spans (<c>py-comment</c>,
/// <c>py-string</c>, <c>py-number</c>, <c>py-keyword</c>, <c>py-builtin</c>); every character of the source is
/// HTML-encoded, so the result is safe to render as markup. A small scanner, not a parser: enough for reading.
/// </summary>
public static class PythonHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    };

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "print", "len", "range", "list", "dict", "set", "tuple", "str", "int", "float", "bool", "sorted", "sum", "min", "max",
        "enumerate", "zip", "open", "isinstance", "next", "any", "all", "round", "abs", "map", "filter", "type",
    };

    public static string ToHtml(string source)
    {
        source ??= string.Empty;
        var html = new StringBuilder(source.Length * 2);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '#')
            {
                var end = source.IndexOf('\n', i);
                end = end < 0 ? source.Length : end;
                Span(html, "py-comment", source[i..end]);
                i = end;
            }
            else if (c is '"' or '\'' || (IsStringPrefix(source, i, out var prefixLength) && i + prefixLength < source.Length))
            {
                var start = i;
                i += c is '"' or '\'' ? 0 : PrefixLength(source, i);
                i = StringEnd(source, i);
                Span(html, "py-string", source[start..i]);
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !IsWordChar(source[i - 1])))
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '.' or '_'))
                {
                    i++;
                }

                Span(html, "py-number", source[start..i]);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && IsWordChar(source[i]))
                {
                    i++;
                }

                var word = source[start..i];
                if (Keywords.Contains(word))
                {
                    Span(html, "py-keyword", word);
                }
                else if (Builtins.Contains(word) && i < source.Length && source[i] == '(')
                {
                    Span(html, "py-builtin", word);
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(word));
                }
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }

        return html.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>f"…", rb'…' and the like: one or two prefix letters right before a quote, not inside a longer word.</summary>
    private static bool IsStringPrefix(string source, int i, out int length)
    {
        length = PrefixLength(source, i);
        return length > 0 && (i == 0 || !IsWordChar(source[i - 1]));
    }

    private static int PrefixLength(string source, int i)
    {
        for (var length = 1; length <= 2 && i + length < source.Length; length++)
        {
            if (!"rRbBfFuU".Contains(source[i + length - 1], StringComparison.Ordinal))
            {
                return 0;
            }

            if (source[i + length] is '"' or '\'')
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>The index just past the string that opens at <paramref name="i"/> (single, or triple-quoted); an unclosed one runs to the end of its line (or, triple-quoted, of the source).</summary>
    private static int StringEnd(string source, int i)
    {
        var quote = source[i];
        var triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        var j = i + delimiter.Length;
        while (j < source.Length)
        {
            if (source[j] == '\\')
            {
                j += 2;
                continue;
            }

            if (!triple && source[j] == '\n')
            {
                return j;
            }

            if (string.CompareOrdinal(source, j, delimiter, 0, delimiter.Length) == 0)
            {
                return j + delimiter.Length;
            }

            j++;
        }

        return source.Length;
    }

    private static void Span(StringBuilder html, string kind, string text) =>
        html.Append("<span class=\"").Append(kind).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
}
