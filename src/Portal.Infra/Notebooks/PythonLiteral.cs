using System.Collections;
using System.Globalization;
using System.Text;

namespace Portal.Infra.Notebooks;

/// <summary>
/// Writes C# values as Python literals that <c>ast.literal_eval</c> reads back unchanged. Every value the portal puts
/// into a notebook's code goes through <see cref="Write"/>, never through string concatenation.
/// </summary>
internal static class PythonLiteral
{
    private const string Indent = "    ";

    /// <summary>
    /// Supports <c>null</c>, <see cref="bool"/>, <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, dictionaries with string keys (written in enumeration order) and other sequences (lists).
    /// A dictionary holding dictionaries is laid out one entry per line.
    /// </summary>
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, depth: 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                break;
            case bool flag:
                builder.Append(flag ? "True" : "False");
                break;
            case string text:
                AppendString(builder, text);
                break;
            case int or long:
                builder.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case double number:
                AppendDouble(builder, number);
                break;
            case IDictionary dictionary:
                AppendDictionary(builder, dictionary, depth);
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    builder.Append(first ? string.Empty : ", ");
                    Append(builder, item, depth);
                    first = false;
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no Python literal form here.", nameof(value));
        }
    }

    private static void AppendDictionary(StringBuilder builder, IDictionary dictionary, int depth)
    {
        var multiline = dictionary.Values.Cast<object?>().Any(v => v is IDictionary) && dictionary.Count > 0;
        var separator = multiline ? ",\n" + string.Concat(Enumerable.Repeat(Indent, depth + 1)) : ", ";
        builder.Append('{');
        if (multiline)
        {
            builder.Append('\n').Append(string.Concat(Enumerable.Repeat(Indent, depth + 1)));
        }

        var first = true;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException("Only string keys are written.", nameof(dictionary));
            }

            builder.Append(first ? string.Empty : separator);
            AppendString(builder, key);
            builder.Append(": ");
            Append(builder, entry.Value, depth + 1);
            first = false;
        }

        if (multiline)
        {
            builder.Append(",\n").Append(string.Concat(Enumerable.Repeat(Indent, depth)));
        }

        builder.Append('}');
    }

    private static void AppendDouble(StringBuilder builder, double number)
    {
        if (double.IsNaN(number))
        {
            builder.Append("float(\"nan\")");
        }
        else if (double.IsInfinity(number))
        {
            builder.Append(number > 0 ? "float(\"inf\")" : "-float(\"inf\")");
        }
        else
        {
            var text = number.ToString("R", CultureInfo.InvariantCulture);
            builder.Append(text);
            if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
            {
                builder.Append(".0");
            }
        }
    }

    /// <summary>
    /// A double-quoted string. Quotes, backslashes and line breaks are escaped; so are characters that are invisible
    /// or that change how the line reads (controls, format and bidirectional marks, line and paragraph separators,
    /// lone surrogates, unassigned code points), so the cell shows exactly what it holds. Other Unicode is kept as is.
    /// </summary>
    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                        if (IsHidden(CharUnicodeInfo.GetUnicodeCategory(codePoint)))
                        {
                            builder.Append(@"\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c).Append(text[i + 1]);
                        }

                        i++;
                    }
                    else if (char.IsSurrogate(c) || IsHidden(char.GetUnicodeCategory(c)))
                    {
                        builder.Append(c <= '\u00ff' ? @"\x" : @"\u")
                            .Append(((int)c).ToString(c <= '\u00ff' ? "x2" : "x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsHidden(UnicodeCategory category) => category is UnicodeCategory.Control
        or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned;
}
