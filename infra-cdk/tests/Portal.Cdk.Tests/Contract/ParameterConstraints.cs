using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>What CloudFormation checks before it creates a stack: a value against its parameter's declared constraints.</summary>
internal static class ParameterConstraints
{
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
