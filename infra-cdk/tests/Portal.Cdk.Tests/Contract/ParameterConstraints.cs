using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>What CloudFormation checks before it creates a stack: a value against its parameter's declared constraints.</summary>
internal static class ParameterConstraints
{
    /// <summary>The template's Rules that the values break: each rule whose condition holds must pass all its assertions.</summary>
    public static IEnumerable<string> RuleProblems(CfnTemplate template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var intrinsics = new Intrinsics(values.ToDictionary(v => v.Key, v => (JsonNode)JsonValue.Create(v.Value)));
        foreach (var (name, rule) in template.Json["Rules"] as JsonObject ?? [])
        {
            if (rule!["RuleCondition"] is { } condition && !(bool)intrinsics.Evaluate(condition)!)
            {
                continue;
            }

            foreach (var assertion in rule["Assertions"].AsList().Where(a => !(bool)intrinsics.Evaluate(a["Assert"])!))
            {
                yield return $"{name}: {assertion["AssertDescription"].AsText()}";
            }
        }
    }

    public static IEnumerable<string> Problems(JsonNode parameter, string name, string value)
    {
        var type = parameter["Type"].AsText();
        var items = type == "CommaDelimitedList" ? value.Split(',') : [value];
        if (parameter["AllowedPattern"].AsText() is { } pattern)
        {
            foreach (var item in items.Where(i => !Regex.IsMatch(i, pattern)))
            {
                yield return $"{name}: '{item}' does not match {pattern}";
            }
        }

        if (parameter["AllowedValues"] is JsonArray allowed && !allowed.Any(a => a.AsText() == value))
        {
            yield return $"{name}: '{value}' is not one of {allowed.ToJsonString()}";
        }

        if (parameter["MinLength"] is JsonNode min && value.Length < int.Parse(min.ToJsonString().Trim('"'), CultureInfo.InvariantCulture))
        {
            yield return $"{name}: '{value}' is shorter than {min}";
        }

        if (type == "Number")
        {
            if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                yield return $"{name}: '{value}' is not a number";
            }
            else if ((parameter["MinValue"] is JsonNode low && number < decimal.Parse(low.ToJsonString().Trim('"'), CultureInfo.InvariantCulture))
                     || (parameter["MaxValue"] is JsonNode high && number > decimal.Parse(high.ToJsonString().Trim('"'), CultureInfo.InvariantCulture)))
            {
                yield return $"{name}: {value} is out of range";
            }
        }
    }
}
