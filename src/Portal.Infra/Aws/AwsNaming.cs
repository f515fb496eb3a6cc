using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Infra.Aws;

/// <summary>Names, tokens and tags the AWS adapters derive.</summary>
internal static partial class AwsNaming
{
    /// <summary>The tag every resource the portal creates carries; the IAM policy keys SageMaker permissions on it.</summary>
    public const string ManagedTagKey = "portal-managed";

    public const string ManagedTagValue = "true";

    private const int MaxTokenLength = 128;

    /// <summary>
    /// A CloudFormation <c>ClientRequestToken</c> (<c>[a-zA-Z0-9][-a-zA-Z0-9]*</c>, at most 128): the caller's own
    /// when it is valid; otherwise one derived deterministically from it (or, when empty, from the
    /// <paramref name="fallbackParts"/>), so a retry of the same step always carries the same token.
    /// </summary>
    public static string ClientRequestToken(string? token, params string[] fallbackParts)
    {
        if (!string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength && TokenPattern().IsMatch(token))
        {
            return token;
        }

        var source = string.IsNullOrEmpty(token) ? string.Join('\n', fallbackParts) : token;
        var readable = InvalidTokenCharacters().Replace(source.Split('\n')[0], "-").Trim('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
        var prefix = readable.Length == 0 ? "portal" : readable[..Math.Min(readable.Length, 64)].TrimEnd('-');
        return $"{prefix}-{hash}";
    }

    /// <summary>The per-instance lifecycle configuration's name: at most 63 characters, stable for the instance.</summary>
    public static string LifecycleConfigName(string instanceName)
    {
        const string Suffix = "-files";
        if (instanceName.Length + Suffix.Length <= 63)
        {
            return instanceName + Suffix;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceName)))[..8];
        return instanceName[..(63 - Suffix.Length - 9)].TrimEnd('-') + "-" + hash + Suffix;
    }

    public static IEnumerable<KeyValuePair<string, string>> WithManagedTag(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            if (tag.Key != ManagedTagKey)
            {
                yield return tag;
            }
        }

        yield return new(ManagedTagKey, ManagedTagValue);
    }

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("[^-a-zA-Z0-9]+")]
    private static partial Regex InvalidTokenCharacters();
}
