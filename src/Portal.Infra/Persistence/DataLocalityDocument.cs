using System.Text.Json;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence;

/// <summary>
/// The JSON shape a <see cref="DataLocality"/> is stored in (one column: a figure is always replaced whole). Pools are a
/// list, so the order reported is the order shown; the time it was reported is a column of its own.
/// </summary>
internal sealed record DataLocalityDocument(List<DataLocalityDocument.Pool> Pools, List<DataLocalityDocument.Pair> BetweenPools, long ToClientBytes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(DataLocality locality) => JsonSerializer.Serialize(
        new DataLocalityDocument(
            [.. locality.Pools.Select(p => new Pool(p.Region.Value, p.Workers, p.BytesRead))],
            [.. locality.BetweenPools.Select(p => new Pair(p.From.Value, p.To.Value, p.RawBytes, p.ResultBytes))],
            locality.ToClientBytes),
        Json);

    public static DataLocality Deserialize(string json, DateTimeOffset reportedAt)
    {
        var doc = JsonSerializer.Deserialize<DataLocalityDocument>(json, Json)
                  ?? throw new InvalidOperationException("A stored locality figure is empty.");
        return new DataLocality(
            doc.Pools.Select(p => new PoolLocality(RegionCode.Parse(p.Region), p.Workers, p.BytesRead)),
            doc.BetweenPools.Select(p => new RegionTransfer(RegionCode.Parse(p.From), RegionCode.Parse(p.To), p.RawBytes, p.ResultBytes)),
            doc.ToClientBytes,
            reportedAt);
    }

    internal sealed record Pool(string Region, long Workers, long BytesRead);

    internal sealed record Pair(string From, string To, long RawBytes, long ResultBytes);
}
