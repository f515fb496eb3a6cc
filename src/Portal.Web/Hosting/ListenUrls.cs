namespace Portal.Web.Hosting;

/// <summary>
/// The addresses in <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), checked while the portal is composed: Kestrel
/// would find a bad one only as it starts, and stop with an unhandled exception.
/// </summary>
internal static class ListenUrls
{
    public const string Key = "urls";

    public static void Check(IConfiguration configuration)
    {
        var urls = configuration[Key];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                _ = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException(
                    $"Configuration '{Key}' holds '{url}', which is not an address to listen on: write scheme://host:port, for example http://localhost:5110.");
            }
        }
    }
}
