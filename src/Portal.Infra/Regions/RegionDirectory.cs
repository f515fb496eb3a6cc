using Microsoft.Extensions.Logging;
using Portal.Domain.Regions;

namespace Portal.Infra.Regions;

/// <summary>
/// The portal's regions now: the seed (<see cref="RegionCatalog.Default"/>) until <see cref="RegionStartup"/> loads the
/// stored ones, then the stored ones, replaced whole after every admin change. Readers take <see cref="Current"/> once
/// per use case; open pages hear each replacement.
/// </summary>
internal sealed class RegionDirectory(ILogger<RegionDirectory> logger) : ChangeNotifier<RegionCatalog>(logger), IRegionDirectory
{
    private volatile RegionCatalog _current = RegionCatalog.Default;

    public RegionCatalog Current => _current;

    /// <summary>Puts <paramref name="catalog"/> in place of the current one and tells open pages.</summary>
    public Task ReplaceAsync(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _current = catalog;
        return PublishAsync(catalog);
    }

    /// <summary>Reads the stored regions and makes them current.</summary>
    /// <exception cref="InvalidOperationException">The stored regions do not make a valid catalogue; the message says why.</exception>
    public async Task ReloadAsync(IRegionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.ListAsync(cancellationToken);
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
    }
}
