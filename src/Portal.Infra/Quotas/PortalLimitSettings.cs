using System.Globalization;
using Microsoft.Extensions.Configuration;
using Portal.Domain;
using Portal.Domain.Quotas;

namespace Portal.Infra.Quotas;

/// <summary>
/// The portal limits an operator sets in configuration (<c>Quotas:Limits:0:Scope</c>, <c>Quotas:Limits:0:MaxConcurrentSessions</c>,
/// ...), read and checked when the portal starts: limits that break a rule stop startup naming their key. Each replaces
/// the stored limits of its scope at start (like <c>Budgets:&lt;n&gt;:</c>); limits set on the page for other scopes stay.
/// </summary>
internal sealed record PortalLimitSettings(IReadOnlyList<PortalLimits> Limits)
{
    public const string SectionName = "Quotas:Limits";

    public static PortalLimitSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new List<PortalLimits>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            try
            {
                limits.Add(PortalLimits.Create(
                    LimitScope.Parse(entry["Scope"]),
                    Number(entry, nameof(PortalLimits.MaxConcurrentSessions)),
                    Number(entry, nameof(PortalLimits.MaxWorkersPerSession)),
                    Number(entry, nameof(PortalLimits.MaxWorkersPerRegion)),
                    Number(entry, nameof(PortalLimits.MaxLifetimeHours)),
                    Number(entry, nameof(PortalLimits.IdleTimeoutMinMinutes)),
                    Number(entry, nameof(PortalLimits.IdleTimeoutMaxMinutes))));
            }
            catch (DomainException ex)
            {
                throw new InvalidOperationException($"Configuration '{entry.Path}' is not valid portal limits: {ex.Message}", ex);
            }
        }

        if (limits.GroupBy(l => l.Scope).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Configuration '{SectionName}' has two entries for the scope '{twice.Key}'; give each scope one entry.");
        }

        return new PortalLimitSettings(limits);
    }

    private static int? Number(IConfigurationSection entry, string key)
    {
        var text = entry[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException($"{key} is '{text}'; write a whole number, or leave it out for no limit at this scope.");
    }
}
