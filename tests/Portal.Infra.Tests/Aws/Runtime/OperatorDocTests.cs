using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Infra.Aws;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Runtime;

/// <summary>docs/aws.md's settings table and <see cref="AwsOptions"/> list the same settings.</summary>
public sealed partial class OperatorDocTests
{
    [Fact]
    public void Every_documented_setting_is_an_option_and_every_option_is_documented()
    {
        var documented = DocumentedKeys();
        var options = OptionKeys(typeof(AwsOptions), "Aws").ToList();

        Assert.NotEmpty(documented);
        Assert.Equal(options.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The keys of the table's first column: <c>`Aws:Retry:MaxAttempts`, `MaxBackoffSeconds`</c> names two settings of
    /// one section; <c>`Aws:Endpoints:&lt;Service&gt;`</c> a dictionary, listed as <c>Aws:Endpoints</c>.
    /// </summary>
    private static List<string> DocumentedKeys()
    {
        var keys = new List<string>();
        foreach (var line in File.ReadLines(RepositoryFiles.Find("docs/aws.md")).Where(l => l.StartsWith("| `Aws:", StringComparison.Ordinal)))
        {
            var names = CodeSpan().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var first = names[0].Split(':');
            var section = string.Join(':', first[..^1]);
            keys.Add(first[^1].StartsWith('<') ? section : names[0]);
            keys.AddRange(names.Skip(1).Select(name => $"{section}:{name}"));
        }

        return keys;
    }

    private static IEnumerable<string> OptionKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            if (property.PropertyType.Namespace == typeof(AwsOptions).Namespace && property.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal))
            {
                foreach (var nested in OptionKeys(property.PropertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
