namespace Portal.Domain.Costs;

/// <summary>Where unit prices come from: the bundled snapshot, or the AWS Pricing API.</summary>
public interface IPriceSource
{
    Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken);
}
