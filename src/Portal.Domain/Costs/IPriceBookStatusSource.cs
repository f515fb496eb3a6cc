namespace Portal.Domain.Costs;

/// <summary>What the UI asks to say how fresh the prices are; it never reaches AWS.</summary>
public interface IPriceBookStatusSource
{
    Task<PriceBookStatus> GetStatusAsync(CancellationToken cancellationToken);
}
