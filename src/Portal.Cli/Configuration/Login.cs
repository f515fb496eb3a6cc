namespace Portal.Cli.Configuration;

/// <summary>
/// Where the portal is and the token to present, from <c>PORTAL_URL</c> / <c>PORTAL_TOKEN</c> when set, else from the
/// configuration file. Each environment variable overrides its own value only.
/// </summary>
internal sealed record Login(Uri Url, string Token)
{
    public const string UrlVariable = "PORTAL_URL";
    public const string TokenVariable = "PORTAL_TOKEN";

    public static Login Resolve(ConfigFile file)
    {
        var stored = file.Read();
        var url = Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } envUrl ? envUrl : stored?.Url;
        var token = Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } envToken ? envToken : stored?.Token;
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(token))
        {
            throw new CliFailure(ExitCodes.NotSignedIn,
                $"Not signed in: run 'portal login --url <portal address> --token <API token>' (make a token on the portal's API tokens page, /account/tokens), or set {UrlVariable} and {TokenVariable}.");
        }

        return new Login(PortalUrl.Parse(url), token.Trim());
    }
}
