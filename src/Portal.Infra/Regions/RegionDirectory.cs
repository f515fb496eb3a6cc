using Microsoft.Extensions.Logging;
using Portal.Domain.Regions;

namespace Portal.Infra.Regions;

/// <summary>
/// The portal's regions now: the seed (<see cref="RegionCatalog.Default"/>) until <see cref="RegionStartup"/> loads the
/// stored ones, then the stored ones, replaced whole after every admin change. Readers take <see cref="Current"/> once
/// per use case; open pages hear each replacement. With several portal instances (PostgreSQL), a launch reads the stored
/// regions again first (<see cref="RefreshAsync"/>), so a region another instance's admin disabled is refused here too.
/// </summary>
internal sealed class RegionDirectory(IRegionStore store, ILogger<RegionDirectory> logger) : ChangeNotifier<RegionCatalog>(logger), IRegionDirectory
{
    private volatile RegionCatalog _current = RegionCatalog.Default;

    public RegionCatalog Current => _current;

    /// <summary>Puts <paramref name="catalog"/> in place of the current one and tells open pages.</summary>
    private Task ReplaceAsync(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _current = catalog;
        return PublishAsync(catalog);
    }

    /// <summary>
    /// Reads the stored regions and makes them current when they differ (telling open pages); the current ones stay
    /// when nothing is stored yet (before the start has seeded the table).
    /// </summary>
    /// <exception cref="InvalidOperationException">The stored regions do not make a valid catalogue; the message says why.</exception>
    public async Task<RegionCatalog> RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return Current;
        }

        if (stored.SequenceEqual(Current.All))
        {
            return Current;
        }

        RegionCatalog catalog;
        try
        {
            catalog = new RegionCatalog(stored);
        }
        catch (Portal.Domain.DomainException ex)
        {
            throw new InvalidOperationException(
                $"The regions stored in the database's Regions table do not make a valid region catalogue: {ex.Message} "
                + "Correct the table (one home region, CIDRs that do not overlap), then start the portal again.", ex);
        }

        await ReplaceAsync(catalog);
        return catalog;
    }
}
