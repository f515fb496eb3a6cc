namespace Portal.Domain.Sessions;

/// <summary>The durable home of each session's latest <see cref="DataLocality"/>.</summary>
public interface ISessionLocalityStore
{
    /// <summary>Keeps <paramref name="locality"/> as the session's figure, replacing any earlier one (figures are cumulative).</summary>
    Task SaveAsync(SessionId id, DataLocality locality, CancellationToken cancellationToken);

    /// <summary>The session's latest figure, or null before its first report.</summary>
    Task<DataLocality?> FindAsync(SessionId id, CancellationToken cancellationToken);
}
