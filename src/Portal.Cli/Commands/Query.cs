using System.Globalization;
using System.Text.Json;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary>Query strings and the paging line under a list.</summary>
internal static class Query
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    public static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string PageLine(JsonElement list, string what)
    {
        var page = (int)list.Num("page");
        var size = (int)list.Num("pageSize");
        var total = (int)list.Num("total");
        var first = total == 0 ? 0 : ((page - 1) * size) + 1;
        var last = Math.Min(page * size, total);
        return list.Str("next").Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{first}-{last} of {total} {what}; --page {page + 1} for more.")
            : string.Create(CultureInfo.InvariantCulture, $"{(total == 0 ? 0 : first)}-{last} of {total} {what}.");
    }
}
