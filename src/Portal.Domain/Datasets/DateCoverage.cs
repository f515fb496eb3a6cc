namespace Portal.Domain.Datasets;

/// <summary>The inclusive range of dates a dataset holds data for.</summary>
public sealed record DateCoverage
{
    public DateCoverage(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new DomainException($"Coverage ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).");
        }

        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public override string ToString() => $"{First:yyyy-MM-dd} to {Last:yyyy-MM-dd}";
}
