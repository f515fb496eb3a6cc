using System.Globalization;
using System.Xml.Linq;

namespace Portal.Infra.Aws.Runtime;

/// <summary>Namespace-agnostic reading of query protocol answers.</summary>
internal static class XmlReading
{
    public static XElement? Child(this XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement parent, string name) => parent.Child(name)?.Value;

    public static bool? Bool(this XElement parent, string name) =>
        parent.Text(name) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;

    public static int? Int(this XElement parent, string name) =>
        parent.Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public static DateTime? Time(this XElement parent, string name) =>
        parent.Text(name) is { } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;

    /// <summary>The items of a wrapped list: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>.</summary>
    public static IEnumerable<XElement> Members(this XElement parent, string name) =>
        parent.Child(name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static List<T>? List<T>(this XElement parent, string name, Func<XElement, T> read) =>
        parent.Child(name) is null ? null : parent.Members(name).Select(read).ToList();
}
