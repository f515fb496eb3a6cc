using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// Tells a configuration error from a bug, and says it in one line that names the key. A configuration error is an
/// <see cref="OptionsValidationException"/> (options validation, and the refusals that stop the portal on a setting), a
/// value the configuration binder cannot convert, or any <see cref="InvalidOperationException"/> thrown while the portal
/// is composed: composing only reads settings, and each such refusal names its key. Anything else is not one.
/// </summary>
internal static partial class ConfigurationError
{
    /// <summary>How the configuration binder starts its message for a value it cannot convert ("… at 'Key' to type …").</summary>
    private const string BinderFailure = "Failed to convert configuration value";

    /// <summary>The one-line reason, or null when <paramref name="exception"/> is not a configuration error.</summary>
    /// <param name="exception">What stopped the portal.</param>
    /// <param name="composing">Whether it was thrown while the portal was composed (before the host was built).</param>
    public static string? Describe(Exception exception, bool composing)
    {
        var reason = exception switch
        {
            OptionsValidationException options => string.Join("; ", options.Failures.Select(f => Keyed(f, options.OptionsType))),
            // Several options failing validation at once. Not the service provider's own validation (a bug, not a setting).
            AggregateException aggregate when aggregate.InnerExceptions.Count > 0 =>
                aggregate.InnerExceptions.Select(e => Describe(e, composing: false)).ToList() is var reasons && reasons.All(r => r is not null)
                    ? string.Join("; ", reasons)
                    : null,
            InvalidOperationException binding when binding.Message.StartsWith(BinderFailure, StringComparison.Ordinal) => binding.Message,
            InvalidOperationException refusal when composing => refusal.Message,
            _ => null,
        };
        return reason?.ReplaceLineEndings(" ");
    }

    /// <summary>
    /// Data annotations say "DataAnnotation validation failed for 'OrchestrationOptions' members: 'PollInterval' with the
    /// error: '…'"; the key is <c>Orchestration:PollInterval</c>, from the options class's <c>SectionName</c>.
    /// </summary>
    private static string Keyed(string failure, Type optionsType)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success || optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is not string section)
        {
            return failure;
        }

        var keys = match.Groups["members"].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(member => $"{section}:{member.Replace('.', ':')}")
            .ToList();
        var error = match.Groups["error"].Value;
        return keys.Count == 0 || keys.All(key => error.Contains(key, StringComparison.Ordinal))
            ? error
            : $"{string.Join(", ", keys)}: {error}";
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
