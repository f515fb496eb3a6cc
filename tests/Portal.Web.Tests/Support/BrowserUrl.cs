namespace Portal.Web.Tests.Support;

/// <summary>How a browser reads a redirect's Location, for tests that must see where a user really ends up.</summary>
public static class BrowserUrl
{
    private static readonly string C0ControlOrSpace = new([.. Enumerable.Range(0, 0x21).Select(c => (char)c)]);

    /// <summary>
    /// Where a browser goes when <paramref name="from"/> answers with <paramref name="location"/>: like the WHATWG URL
    /// parser, it trims spaces and control characters at the ends, drops every tab and newline, and reads \ as /.
    /// </summary>
    public static Uri Destination(Uri from, string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var trimmed = location.AsSpan().Trim(C0ControlOrSpace).ToArray();
        var cleaned = new string([.. trimmed.Where(c => c is not ('\t' or '\n' or '\r')).Select(c => c == '\\' ? '/' : c)]);
        return new Uri(from, cleaned);
    }
}
