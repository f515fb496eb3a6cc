namespace Portal.Infra.Persistence;

/// <summary>A row of <c>PriceBooks</c>: one price book read from its source, with when it was read.</summary>
internal sealed class PriceBookRecord
{
    public long Id { get; set; }

    public DateTimeOffset FetchedAt { get; set; }

    /// <summary>The source as the UI says it (<see cref="Portal.Domain.Costs.PriceBook.Name"/>).</summary>
    public required string Source { get; set; }

    /// <summary>The date the prices were true on.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>The prices as JSON (<see cref="PriceBookDocument"/>).</summary>
    public required string Document { get; set; }
}
