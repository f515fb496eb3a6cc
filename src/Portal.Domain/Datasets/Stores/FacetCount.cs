namespace Portal.Domain.Datasets.Stores;

/// <summary>One value of a facet and how many stores would match if the user picked it (see <see cref="StoreQueryResult"/>).</summary>
public readonly record struct FacetCount(string Value, int Count);
