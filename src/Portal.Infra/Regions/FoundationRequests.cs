using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Regions;

/// <summary>The tokens and tags of the portal's requests about foundations.</summary>
internal static class FoundationRequests
{
    /// <summary>
    /// The create token: the same for the same request on the same day (a double click, a retry, a second admin, a
    /// stack not visible yet), so CloudFormation treats them as one; other parameters or another day make a new one.
    /// </summary>
    public static string CreateToken(RegionFoundationSpec spec, DateTimeOffset now)
    {
        var request = string.Join('\n', new[] { spec.Template }.Concat(
            spec.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)))[..12];
        return $"{spec.StackName}-create-{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{hash}";
    }

    /// <summary>
    /// A token no earlier request used: for when CloudFormation says the day's token belongs to another request (the
    /// same foundation deleted and created again that day).
    /// </summary>
    public static string FreshCreateToken(RegionFoundationSpec spec, DateTimeOffset now) =>
        $"{spec.StackName}-create-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// One delete token per stack (its creation time), so a double click is one request; a failed delete is asked
    /// again with a new one, since CloudFormation treats a token it has seen as the same request.
    /// </summary>
    public static string DeleteToken(RegionFoundationState current, DateTimeOffset now)
    {
        var stamp = current.StackStatus == StackStatuses.DeleteFailed || current.CreatedAt is not { } created ? now : created;
        return $"{current.StackName}-delete-{stamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
    }

    public static Dictionary<string, string> Tags(Actor actor, RegionCode region) => new()
    {
        ["portal-managed"] = "true",
        ["portal-foundation"] = region.Value,
        ["portal-requested-by"] = actor.Name,
    };
}
