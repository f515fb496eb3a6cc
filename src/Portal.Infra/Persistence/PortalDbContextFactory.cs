using Microsoft.EntityFrameworkCore;

namespace Portal.Infra.Persistence;

/// <summary>Hands out the configured provider's context as a <see cref="PortalDbContext"/>, which is all the stores need.</summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
