using Microsoft.Extensions.Options;

namespace Portal.Web.Auth;

/// <summary>Names every missing <c>AzureAd</c> key at startup. Never echoes a value: the secret must not reach a log.</summary>
internal sealed class EntraOptionsValidator : IValidateOptions<EntraOptions>
{
    private static readonly HashSet<string> MultiTenantValues = new(["common", "organizations", "consumers"], StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, EntraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("AzureAd:TenantId is missing: set it to the directory (tenant) ID of the Entra tenant (environment: AzureAd__TenantId).");
        }
        else if (MultiTenantValues.Contains(options.TenantId.Trim()))
        {
            // App roles can be assigned in any tenant that adds the app: only the portal's own tenant may grant them.
            failures.Add($"AzureAd:TenantId is '{options.TenantId.Trim()}': set it to your own tenant's ID; the portal accepts accounts of one tenant only.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("AzureAd:ClientId is missing: set it to the application (client) ID of the portal's app registration (environment: AzureAd__ClientId).");
        }

        if (string.IsNullOrWhiteSpace(options.EffectiveClientSecret))
        {
            failures.Add(options.ClientCertificates.Count > 0 || options.ClientCredentials.Any(c => !c.IsSecret)
                ? "AzureAd:ClientSecret is missing: the portal redeems sign-in codes with a client secret and does not support client certificates (AzureAd:ClientCertificates, certificate entries in AzureAd:ClientCredentials) yet."
                : "AzureAd:ClientSecret is missing: set it to a client secret of the portal's app registration (environment: AzureAd__ClientSecret, from a secret store).");
        }

        if (!string.IsNullOrWhiteSpace(options.Instance) && !Uri.TryCreate(options.Instance, UriKind.Absolute, out _))
        {
            failures.Add("AzureAd:Instance is not an absolute URL: leave it out for https://login.microsoftonline.com/ or set the login host of your cloud.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(["Entra sign-in (Auth:Mode=Entra) is not configured.", .. failures]);
    }
}
