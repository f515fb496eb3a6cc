using Microsoft.Extensions.Options;

namespace Portal.Infra.Sandbox;

/// <summary>
/// Per-template durations are checked like the others (a negative or huge one would leave sessions hanging), and service
/// quotas must be known codes with values of 0 or more.
/// </summary>
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
        problems.AddRange(options.ServiceQuotas
            .Where(q => q.Value < 0 || double.IsNaN(q.Value) || double.IsInfinity(q.Value))
            .Select(q => $"Sandbox:ServiceQuotas:{q.Key} is {q.Value}; a service quota must be 0 or more."));
        problems.AddRange(options.ServiceQuotas.Keys
            .Where(k => !SandboxOptions.DefaultServiceQuotas.ContainsKey(k))
            .Select(k => $"Sandbox:ServiceQuotas:{k} is not a quota the sandbox knows; use {string.Join(", ", SandboxOptions.DefaultServiceQuotas.Keys)}."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
