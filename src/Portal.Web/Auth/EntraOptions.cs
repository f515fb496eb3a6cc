namespace Portal.Web.Auth;

/// <summary>
/// The keys of the <c>AzureAd</c> section that Entra sign-in cannot run without. Microsoft.Identity.Web binds the
/// same section itself; this copy exists so that a missing key stops the portal at startup with its name, instead
/// of failing the first sign-in.
/// </summary>
public sealed class EntraOptions
{
    public const string SectionName = "AzureAd";
    public const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>The Entra ID login host.</summary>
    /// <remarks>Defaults to <c>https://login.microsoftonline.com/</c>.</remarks>
    public string? Instance { get; set; }

    /// <summary>The directory (tenant) ID. Only accounts of this tenant can sign in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) ID of the portal's app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret; the portal redeems the sign-in code with it.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Microsoft.Identity.Web's newer form of <see cref="ClientSecret"/>: a list of credential descriptions.</summary>
    public IList<EntraCredential> ClientCredentials { get; } = [];

    /// <summary>Microsoft.Identity.Web's certificate list; read only to refuse it with a clear message.</summary>
    public IList<EntraCredential> ClientCertificates { get; } = [];

    /// <summary>The secret to redeem codes with, from <see cref="ClientSecret"/> or a <c>ClientSecret</c> credential.</summary>
    public string? EffectiveClientSecret =>
        !string.IsNullOrWhiteSpace(ClientSecret)
            ? ClientSecret
            : ClientCredentials.FirstOrDefault(c => c.IsSecret && !string.IsNullOrWhiteSpace(c.ClientSecret))?.ClientSecret;
}

/// <summary>One entry of <c>AzureAd:ClientCredentials</c> or <c>AzureAd:ClientCertificates</c>.</summary>
public sealed class EntraCredential
{
    public string? SourceType { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsSecret => string.Equals(SourceType, "ClientSecret", StringComparison.OrdinalIgnoreCase);
}
