using System.Text.RegularExpressions;

namespace Portal.Domain.Regions;

/// <summary>
/// What a worker region's foundation needs from the home region besides its code and CIDR: two outputs of the
/// HomeFoundation stack, which the operator deploys with <c>cdk deploy</c>.
/// </summary>
/// <param name="TransitGatewayId">The home Transit Gateway (output <c>TransitGatewayId</c>), e.g. <c>tgw-0123456789abcdef0</c>.</param>
/// <param name="HostedZoneId">The private hosted zone of the schedulers' Cloud Map namespace (output <c>HostedZoneId</c>).</param>
public sealed partial record HomeFoundationOutputs(string TransitGatewayId, string HostedZoneId)
{
    /// <summary>True for an EC2 Transit Gateway id: <c>tgw-</c> and 8 to 17 lowercase hexadecimal digits.</summary>
    public static bool IsTransitGatewayId(string? value) => value is not null && TransitGatewayIdPattern().IsMatch(value);

    /// <summary>True for a Route 53 hosted zone id: <c>Z</c> and up to 32 uppercase letters or digits.</summary>
    public static bool IsHostedZoneId(string? value) => value is not null && HostedZoneIdPattern().IsMatch(value);

    /// <summary>What is wrong with the outputs, as sentences; empty when both are well formed.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsTransitGatewayId(TransitGatewayId))
        {
            problems.Add($"'{TransitGatewayId}' is not a Transit Gateway id (tgw- and 8 to 17 lowercase hexadecimal digits): "
                         + "use HomeFoundation's output TransitGatewayId.");
        }

        if (!IsHostedZoneId(HostedZoneId))
        {
            problems.Add($"'{HostedZoneId}' is not a Route 53 hosted zone id (Z and up to 32 uppercase letters or digits): "
                         + "use HomeFoundation's output HostedZoneId.");
        }

        return problems;
    }

    // The same rules the RegionFoundation template declares (AllowedPattern); the CDK contract test compares them.
    [GeneratedRegex("^tgw-[0-9a-f]{8,17}$")]
    private static partial Regex TransitGatewayIdPattern();

    [GeneratedRegex("^Z[0-9A-Z]{1,32}$")]
    private static partial Regex HostedZoneIdPattern();
}
