using Microsoft.Extensions.Options;

namespace Portal.Infra.Sandbox;

/// <summary>Per-template durations are checked like the others: a negative or huge one would leave sessions hanging.</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.StackCreateDurations
            .Where(d => d.Value < TimeSpan.Zero || d.Value > Longest)
            .Select(d => $"Sandbox:StackCreateDurations:{d.Key} is {d.Value}; it must be between 00:00:00 and 1.00:00:00 (one day).")
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
