using Portal.Domain.Datasets;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>Datasets equal field by field, lists by their items (a record compares its lists by reference).</summary>
internal sealed class DatasetComparer : IEqualityComparer<Dataset>
{
    public static readonly DatasetComparer Instance = new();

    private static readonly string[] NoTags = [];
    private static readonly DataLocation[] NoLocations = [];

    public bool Equals(Dataset? x, Dataset? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x with { Tags = NoTags, MoreLocations = NoLocations } == y with { Tags = NoTags, MoreLocations = NoLocations }
            && x.Tags.SequenceEqual(y.Tags)
            && x.MoreLocations.SequenceEqual(y.MoreLocations));

    public int GetHashCode(Dataset obj) => obj?.Id.GetHashCode() ?? 0;
}
