using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Regions;

namespace Portal.Infra.Regions;

/// <summary>
/// Checks the settings that are given: ids in AWS's format, and a home CIDR equal to the catalogue's. Missing ids are
/// not an error at start (a portal can run sessions in foundations made by hand); creating a foundation says what is missing.
/// </summary>
internal sealed class FoundationOptionsValidator(IRegionDirectory regions) : IValidateOptions<FoundationOptions>
{
    public ValidateOptionsResult Validate(string? name, FoundationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.HomeTransitGatewayId) && !HomeFoundationOutputs.IsTransitGatewayId(options.HomeTransitGatewayId))
        {
            failures.Add($"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeTransitGatewayId)} is '{options.HomeTransitGatewayId}', "
                         + "not a Transit Gateway id (tgw- and 8 to 17 lowercase hexadecimal digits): use HomeFoundation's output TransitGatewayId.");
        }

        if (!string.IsNullOrEmpty(options.HomeHostedZoneId) && !HomeFoundationOutputs.IsHostedZoneId(options.HomeHostedZoneId))
        {
            failures.Add($"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeHostedZoneId)} is '{options.HomeHostedZoneId}', "
                         + "not a Route 53 hosted zone id (Z and up to 32 uppercase letters or digits): use HomeFoundation's output HostedZoneId.");
        }

        if (!string.IsNullOrEmpty(options.HomeCidr))
        {
            failures.AddRange(HomeCidrProblems(options.HomeCidr));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> HomeCidrProblems(string value)
    {
        Cidr cidr;
        try
        {
            cidr = Cidr.Parse(value);
        }
        catch (DomainException ex)
        {
            return [$"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeCidr)}: {ex.Message}"];
        }

        var home = regions.Current.Home;
        return cidr == home.Cidr
            ? []
            : [$"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeCidr)} is {cidr}, but the portal's home region {home.Code} has {home.Cidr}: "
               + "worker regions would route the wrong block home. Make the deployment (CDK context portal:homeCidr) and the portal's region catalogue agree."];
    }
}
