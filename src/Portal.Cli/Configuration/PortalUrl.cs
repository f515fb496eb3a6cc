namespace Portal.Cli.Configuration;

/// <summary>The portal's address as the user gave it, checked once: absolute, http or https, and https unless on this machine.</summary>
internal static class PortalUrl
{
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure(ExitCodes.Usage, $"'{text}' is not a portal address: give the address you open in the browser, such as https://portal.example.org.");
        }

        // Not echoed: a user name in the address may come with a password.
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new CliFailure(ExitCodes.Usage, "The portal address holds a user name: give only the address, such as https://portal.example.org, and the token with --token.");
        }

        // A token sent in clear over the network can be read by anyone on the way.
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            throw new CliFailure(ExitCodes.Usage, $"'{text}' is plain http on another machine, which would send your token unencrypted: use the portal's https:// address.");
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new CliFailure(ExitCodes.Usage, $"'{text}' has a query or fragment: give only the portal's address, such as https://portal.example.org.");
        }

        // The portal may live under a path (https://example.org/portal): keep it, with one trailing slash.
        return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}
